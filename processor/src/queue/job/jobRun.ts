import path from 'node:path';
import type { Db, QueueJob } from '@keepsake/database';
import type { DetectedMedia } from '../../detect/detectMedia.js';
import type { Logger, ProcessorConfig } from '@keepsake/platform';
import type { KeyStore } from '@keepsake/vault';
import type { Staging } from '../../publish/staging.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';
import type { JobProgress, ProgressEvents } from '../../visibility/progressEvents.js';
import { watchForStop, type StopWatch } from './jobStop.js';
import { stageClock, type StageReporter } from './stageClock.js';

export interface JobContext {
  config: ProcessorConfig;
  db: Db;
  keyStore: KeyStore;
  logger: Logger;
  progress: ProgressEvents;
  workerId: string;
  leaseSeconds: number;
  retryBaseSeconds: number;
  /** The processor's private temporary folder (decoded HEIC, HLS key files). */
  temp: PrivateTemp;
  /** Aborted when the processor is told to stop and its grace period is over. */
  shutdown: AbortSignal;
}

export type JobOutcome =
  | { kind: 'completed'; mediaId: string }
  | { kind: 'duplicate'; mediaId: string }
  /** The content is a trashed item's: the uploader is told so, to restore it rather than look for it. */
  | { kind: 'duplicate_in_trash'; mediaId: string }
  | { kind: 'failed'; code: string; error: string }
  | { kind: 'retrying'; code: string; error: string; inSeconds: number }
  /** Given back to the queue untouched (shutdown, lease lost, the same content in progress elsewhere). */
  | { kind: 'released'; reason: string }
  /** The file changed or vanished after it was queued; nothing to do. */
  | { kind: 'skipped'; reason: string };

/** One claimed job while it runs: what its steps work with, and what a failure must clean up. */
export interface JobRun {
  ctx: JobContext;
  job: QueueJob;
  jobId: number;
  /** Relative to IMPORTS_DIR: the quarantined copy for an admin retry, else the queued file. */
  relativePath: string;
  absolutePath: string;
  logger: Logger;
  progress: JobProgress;
  stage: StageReporter;
  started: number;
  /** Aborted by the time limit, the processor's shutdown or a lost lease. */
  signal: AbortSignal;
  stopWatch: StopWatch;
  /** The item being made: the job's own until the content is reserved, then the reserved one. */
  mediaId: string | null;
  generation: number;
  staging?: Staging;
  /** What the file is, once a step before the conversion has asked (Live Photo pairing probes videos). */
  detected?: DetectedMedia;
}

export function openJobRun(ctx: JobContext, job: QueueJob): JobRun {
  const jobId = job.id;
  const relativePath = job.failed_path ?? job.path;
  const logger = ctx.logger.child({ jobId, file: relativePath });
  const progress = ctx.progress.forJob(jobId, relativePath);
  const stage = stageClock(logger, progress);
  const started = Date.now();
  const stopWatch = watchForStop({
    db: ctx.db,
    jobId,
    workerId: ctx.workerId,
    leaseSeconds: ctx.leaseSeconds,
    timeoutMinutes: ctx.config.jobTimeoutMinutes,
    shutdown: ctx.shutdown,
    logger,
  });
  return {
    ctx,
    job,
    jobId,
    relativePath,
    absolutePath: path.join(ctx.config.importsDir, relativePath),
    logger,
    progress,
    stage,
    started,
    signal: stopWatch.signal,
    stopWatch,
    mediaId: job.media_id,
    generation: 1,
  };
}

/** Runs on every way out: no timer, lease renewal or staging folder outlives its job. */
export async function closeJobRun(run: JobRun): Promise<void> {
  run.stopWatch.release();
  await run.staging?.remove();
}
