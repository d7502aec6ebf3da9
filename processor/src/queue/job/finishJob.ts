import fs from 'node:fs/promises';
import { DUPLICATE_IN_TRASH_STAGE, DUPLICATE_STAGE } from '@keepsake/contracts';
import { jobQueue, type MediaFile } from '@keepsake/database';
import type { ProcessedMedia } from '../../pipelines/ProcessedMedia.js';
import { removeFailureNote } from '../../failures/moveToFailed.js';
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

/** A file that finds the generations lock taken (a key rotation running) asks again after this. */
export const ROTATION_BUSY_SECONDS = 10;

/**
 * The file waits for its other half (a RAW for its JPEG, a sidecar for its video): released to
 * the queue under `stage`, its attempt given back, asked again in `seconds`.
 */
export async function releaseToWait(
  run: JobRun,
  wait: { stage: string; reason: string; seconds: number },
  logMessage: string,
): Promise<JobOutcome> {
  await jobQueue.retryJob(run.ctx.db, {
    jobId: run.jobId,
    workerId: run.ctx.workerId,
    delaySeconds: wait.seconds,
    refundAttempt: true,
    stage: wait.stage,
  });
  run.logger.debug({ reason: wait.reason }, logMessage);
  return { kind: 'released', reason: wait.reason };
}

/**
 * The content is an item already: the job completes on that item, under a stage that says
 * where it is — the library, or the Trash (so the uploader can restore it, not look for it).
 */
export async function finishAsDuplicate(run: JobRun, media: Pick<MediaFile, 'id' | 'status'>): Promise<JobOutcome> {
  const mediaId = media.id;
  const inTrash = media.status === 'trashed';
  const stage = inTrash ? DUPLICATE_IN_TRASH_STAGE : DUPLICATE_STAGE;
  await jobQueue.completeJob(run.ctx.db, { jobId: run.jobId, workerId: run.ctx.workerId, mediaId, stage });
  await removeImport(run);
  run.logger.info(
    { stage, mediaId, durationMs: Date.now() - run.started },
    inTrash ? 'already in the trash' : 'already in the library',
  );
  run.progress.finish('completed', stage);
  return { kind: inTrash ? 'duplicate_in_trash' : 'duplicate', mediaId };
}

/**
 * A file kept as part of another item (a RAW beside its JPEG: `paired`; a sidecar as its video's
 * track: `subtitles`): its job is done.
 */
export async function finishJoined(
  run: JobRun,
  mediaId: string,
  joined: { stage: 'paired' | 'subtitles'; message: string },
): Promise<JobOutcome> {
  await removeImport(run);
  run.logger.info({ stage: joined.stage, mediaId, durationMs: Date.now() - run.started }, joined.message);
  run.progress.finish('completed', joined.stage);
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
