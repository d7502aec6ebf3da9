import fs from 'node:fs/promises';
import { jobQueue } from '@keepsake/database';
import type { ProcessedMedia } from '../../pipelines/ProcessedMedia.js';
import { removeFailureNote } from '../../publish/moveToFailed.js';
import type { JobOutcome, JobRun } from './jobRun.js';

/** The same content is being made by another job right now: this one waits its turn, its attempt given back. */
export async function releaseToTheOtherJob(run: JobRun): Promise<JobOutcome> {
  await jobQueue.retryJob(run.ctx.db, {
    jobId: run.jobId,
    workerId: run.ctx.workerId,
    delaySeconds: 5,
    refundAttempt: true,
  });
  return { kind: 'released', reason: 'the same content is being processed by another job' };
}

export async function finishAsDuplicate(run: JobRun, mediaId: string): Promise<JobOutcome> {
  await jobQueue.completeJob(run.ctx.db, { jobId: run.jobId, workerId: run.ctx.workerId, mediaId, stage: 'duplicate' });
  await removeImport(run);
  run.logger.info({ stage: 'duplicate', mediaId, durationMs: Date.now() - run.started }, 'already in the library');
  run.progress.finish('completed', 'duplicate');
  return { kind: 'duplicate', mediaId };
}

/** A RAW kept as the second original of its shot's JPEG item (pairRaw.ts): its job is done. */
export async function finishPaired(run: JobRun, mediaId: string): Promise<JobOutcome> {
  await removeImport(run);
  run.logger.info({ stage: 'paired', mediaId, durationMs: Date.now() - run.started }, 'RAW kept with its JPEG');
  run.progress.finish('completed', 'paired');
  return { kind: 'completed', mediaId };
}

/** A subtitle file kept as a track of its video (attachSubtitle.ts): its job is done. */
export async function finishAttached(run: JobRun, mediaId: string): Promise<JobOutcome> {
  await removeImport(run);
  run.logger.info(
    { stage: 'subtitles', mediaId, durationMs: Date.now() - run.started },
    'subtitles kept with their video',
  );
  run.progress.finish('completed', 'subtitles');
  return { kind: 'completed', mediaId };
}

/** Called once the item is committed: only then does the original leave imports/. */
export async function finishPublished(run: JobRun, mediaId: string, type: ProcessedMedia['type']): Promise<JobOutcome> {
  await removeImport(run);
  run.stage('completed', 100);
  run.logger.info({ stage: 'completed', mediaId, type, durationMs: Date.now() - run.started }, 'processed');
  run.progress.finish('completed', 'completed');
  return { kind: 'completed', mediaId };
}

async function removeImport(run: JobRun): Promise<void> {
  await fs.rm(run.absolutePath, { force: true });
  if (run.job.failed_path) await removeFailureNote(run.ctx.config.importsDir, run.job.failed_path);
}
