import fs from 'node:fs/promises';
import path from 'node:path';
import { type Db, jobQueue } from '@keepsake/database';
import { type Logger } from '@keepsake/platform';
import type { ProgressEvents } from '../visibility/progressEvents.js';

export interface QueueFileDeps {
  db: Db;
  importsDir: string;
  logger: Logger;
  progress: ProgressEvents;
  /** Called when a new job is in the queue, so idle workers look at once. */
  onQueued: () => void;
}

/**
 * Queues one file version (path + size + mtime; seeing it again changes nothing). A file whose
 * job already completed but that is still here was published just before a crash took the
 * process down before the delete: it is removed now.
 */
export async function queueFile(deps: QueueFileDeps, relativePath: string): Promise<'queued' | 'known' | 'gone'> {
  const absolute = path.join(deps.importsDir, relativePath);
  const stats = await fs.lstat(absolute).catch(() => undefined);
  if (!stats || !(stats.isFile() || stats.isSymbolicLink())) return 'gone';
  const { job, created } = await jobQueue.enqueueFile(deps.db, {
    path: relativePath,
    size: stats.size,
    mtime: stats.mtime,
  });
  if (created) {
    deps.logger.info({ file: relativePath, stage: 'queued', jobId: job.id }, 'queued');
    deps.progress.queued(job.id, relativePath);
    deps.onQueued();
    return 'queued';
  }
  if (job.status === 'completed' && job.media_id) {
    await fs.rm(absolute, { force: true });
    deps.logger.info({ file: relativePath, mediaId: job.media_id }, 'removed an original already published');
  }
  return 'known';
}
