import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import { jobQueue } from '@keepsake/database';
import { unsupported } from '../../errors/ProcessingError.js';
import { resolveSource } from '../resolveSource.js';
import type { JobOutcome, JobRun } from './jobRun.js';

type Skipped = Extract<JobOutcome, { kind: 'skipped' }>;

export interface SourceFile {
  kind: 'source';
  /** The file to read: the queued path, or the regular file inside imports/ its link points at. */
  input: string;
  /** As queued (a link's own size for a link). */
  size: number;
}

/**
 * The queued version of the file, or a skip: a file that vanished or changed since it was
 * queued has nothing to do here (the row for its new version covers it), and its job goes.
 */
export async function findQueuedVersion(run: JobRun): Promise<{ kind: 'found'; stats: Stats } | Skipped> {
  const { db, workerId } = run.ctx;
  const { job, jobId } = run;
  const stats = await fs.lstat(run.absolutePath).catch(() => undefined);
  if (!stats) {
    await jobQueue.deleteJob(db, { jobId, workerId });
    run.logger.warn('file vanished before it was processed');
    return { kind: 'skipped', reason: 'file vanished' };
  }
  const sameVersion = stats.size === job.size && stats.mtime.getTime() === job.mtime.getTime();
  if (!job.failed_path && !sameVersion) {
    // Changed since it was queued; the row for the new version covers it.
    await jobQueue.deleteJob(db, { jobId, workerId });
    return { kind: 'skipped', reason: 'file changed after it was queued' };
  }
  return { kind: 'found', stats };
}

/** Only a regular, non-empty file inside imports/ is read, whatever the queued path is. */
export async function openSource(run: JobRun, stats: Stats): Promise<SourceFile> {
  const importsDir = run.ctx.config.importsDir;
  const input = stats.isSymbolicLink() ? await resolveSource(importsDir, run.absolutePath) : run.absolutePath;
  if (!stats.isSymbolicLink() && !stats.isFile()) throw unsupported('not a regular file');
  if ((await fs.stat(input)).size === 0) throw unsupported('empty file (0 bytes)');
  return { kind: 'source', input, size: stats.size };
}
