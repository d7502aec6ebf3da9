import fs from 'node:fs/promises';
import path from 'node:path';
import {
  bindingFor,
  deleteJob,
  failJob,
  failMedia,
  retryJob,
  completeJob,
  sealFile,
  type ContentKey,
  type Db,
  type KeyPurpose,
  type KeyStore,
  type Logger,
  type ProcessorConfig,
  type QueueJob,
  uploaderOf,
} from '@keepsake/database';
import { detectMedia } from '../detect/detectMedia.js';
import { ProcessingError, unsupported } from '../errors/ProcessingError.js';
import { ToolFailure } from '../ffmpeg/runTool.js';
import { processImage } from '../pipelines/image/processImage.js';
import type { ProcessedMedia } from '../pipelines/ProcessedMedia.js';
import { processVideo } from '../pipelines/video/processVideo.js';
import { assetDirFor, originalDirFor } from '../publish/assetPaths.js';
import { hashFile } from '../publish/hashFile.js';
import { moveToFailed, removeFailureNote } from '../publish/moveToFailed.js';
import { LeaseLostError, publishMedia } from '../publish/publishMedia.js';
import { createStaging, type Staging } from '../publish/staging.js';
import type { PrivateTemp } from '../startup/privateTemp.js';
import type { JobProgress, ProgressEvents } from '../visibility/progressEvents.js';
import { backoffSeconds } from './backoff.js';
import { startLeaseKeeper } from './leaseKeeper.js';
import { reserveMedia } from './reserveMedia.js';
import { resolveSource } from './resolveSource.js';

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
  | { kind: 'failed'; code: string; error: string }
  | { kind: 'retrying'; code: string; error: string; inSeconds: number }
  /** Given back to the queue untouched (shutdown, lease lost, the same content in progress elsewhere). */
  | { kind: 'released'; reason: string }
  /** The file changed or vanished after it was queued; nothing to do. */
  | { kind: 'skipped'; reason: string };

type StopReason = 'timeout' | 'shutdown' | 'lease';

class Stopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`stopped: ${reason}`);
  }
}

async function keyFor(
  keyStore: KeyStore,
  mediaId: string,
  purpose: KeyPurpose,
  generation: number,
): Promise<ContentKey> {
  // A crashed attempt may have made the key already; one key per item, purpose and generation.
  return (await keyStore.forMedia(mediaId, purpose, generation)) ?? keyStore.create(mediaId, purpose, generation);
}

/** Stage timing for the logs: each stage's duration when the next begins. */
function stageClock(logger: Logger, progress: JobProgress) {
  let current = '';
  let since = Date.now();
  return (stage: string, percent: number) => {
    if (stage !== current) {
      if (current) logger.info({ stage: current, durationMs: Date.now() - since }, 'stage done');
      current = stage;
      since = Date.now();
    }
    progress.stage(stage, percent);
  };
}

function toProcessingError(error: unknown, timeoutMinutes: number): ProcessingError {
  if (error instanceof ProcessingError) return error;
  if (error instanceof Stopped && error.reason === 'timeout') {
    return new ProcessingError('MEDIA_005', `processing took longer than ${timeoutMinutes} min and was stopped`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ProcessingError('MEDIA_005', `processing failed (${message})`, { cause: error });
}

/**
 * One claimed job from start to end: read, dedupe, detect, convert, seal, publish, and only
 * then remove the original from imports/. Every way out leaves the queue row in a true state.
 */
export async function runJob(ctx: JobContext, job: QueueJob): Promise<JobOutcome> {
  const { config, db, workerId } = ctx;
  const jobId = job.id;
  const relativePath = job.failed_path ?? job.path;
  const absolutePath = path.join(config.importsDir, relativePath);
  const logger = ctx.logger.child({ jobId, file: relativePath });
  const progress = ctx.progress.forJob(jobId, relativePath);
  const stage = stageClock(logger, progress);
  const started = Date.now();

  const stop = new AbortController();
  const stopWith = (reason: StopReason) => {
    if (!stop.signal.aborted) stop.abort(new Stopped(reason));
  };
  const timer = setTimeout(() => stopWith('timeout'), config.jobTimeoutMinutes * 60_000);
  const onShutdown = () => stopWith('shutdown');
  ctx.shutdown.addEventListener('abort', onShutdown, { once: true });
  const lease = startLeaseKeeper({
    db,
    jobId,
    workerId,
    leaseSeconds: ctx.leaseSeconds,
    logger,
    onLost: () => stopWith('lease'),
  });

  let mediaId: string | null = job.media_id;
  let generation = 1;
  let staging: Staging | undefined;
  try {
    const stats = await fs.lstat(absolutePath).catch(() => undefined);
    if (!stats) {
      await deleteJob(db, { jobId, workerId });
      logger.warn('file vanished before it was processed');
      return { kind: 'skipped', reason: 'file vanished' };
    }
    const sameVersion = stats.size === job.size && stats.mtime.getTime() === job.mtime.getTime();
    if (!job.failed_path && !sameVersion) {
      // Changed since it was queued; the row for the new version covers it.
      await deleteJob(db, { jobId, workerId });
      return { kind: 'skipped', reason: 'file changed after it was queued' };
    }
    if (job.attempts > job.max_attempts) {
      throw new ProcessingError(
        'MEDIA_005',
        `gave up after ${job.max_attempts} attempts (the processor stopped each time)`,
        {
          retryable: false,
        },
      );
    }
    const input = stats.isSymbolicLink() ? await resolveSource(config.importsDir, absolutePath) : absolutePath;
    if (!stats.isSymbolicLink() && !stats.isFile()) throw unsupported('not a regular file');
    if ((await fs.stat(input)).size === 0) throw unsupported('empty file (0 bytes)');

    stage('hashing', 1);
    const contentHash = await hashFile(input, stop.signal);
    const reservation = await reserveMedia(db, {
      contentHash,
      originalName: path.basename(relativePath),
      size: stats.size,
      jobId,
      // From where it was dropped, not failed/ where a retried one now lies.
      uploadedBy: uploaderOf(job.path),
    });
    mediaId = reservation.media.id;
    generation = reservation.media.generation;
    progress.setMediaId(mediaId);
    if (reservation.kind === 'busy') {
      await retryJob(db, { jobId, workerId, delaySeconds: 5, refundAttempt: true });
      return { kind: 'released', reason: 'the same content is being processed by another job' };
    }
    if (reservation.kind === 'duplicate') {
      await completeJob(db, { jobId, workerId, mediaId, stage: 'duplicate' });
      await fs.rm(absolutePath, { force: true });
      if (job.failed_path) await removeFailureNote(config.importsDir, job.failed_path);
      logger.info({ stage: 'duplicate', mediaId, durationMs: Date.now() - started }, 'already in the library');
      progress.finish('completed', 'duplicate');
      return { kind: 'duplicate', mediaId };
    }

    stage('detecting', 4);
    const detected = await detectMedia(input, stop.signal);
    const storageKey = await keyFor(ctx.keyStore, mediaId, 'storage', generation);
    staging = await createStaging(config.assetsDir, jobId);
    // Sealing the original runs beside the conversion; it is I/O and AES, the conversion is CPU.
    const originalSealed = config.keepOriginals
      ? sealFile(
          input,
          staging.originalFile,
          { id: storageKey.id, key: storageKey.key },
          { binding: bindingFor(mediaId, path.basename(staging.originalFile)) },
        )
      : Promise.resolve(undefined);
    originalSealed.catch(() => undefined);

    let processed: ProcessedMedia;
    if (detected.type === 'image') {
      stage('converting', 10);
      processed = await processImage({
        input,
        format: detected.format,
        mime: detected.mime,
        outDir: staging.outDir,
        storageKey,
        temp: ctx.temp,
        signal: stop.signal,
      });
    } else {
      const hlsKey = await keyFor(ctx.keyStore, mediaId, 'hls', generation);
      stage('transcoding', 5);
      processed = await processVideo({
        input,
        mime: detected.mime,
        probe: detected.probe,
        outDir: staging.outDir,
        hlsKey,
        storageKey,
        temp: ctx.temp,
        signal: stop.signal,
        onProgress: (share) => stage('transcoding', 5 + share * 85),
      });
    }
    stage('sealing original', 92);
    await originalSealed;
    stop.signal.throwIfAborted();

    stage('publishing', 96);
    await publishMedia({
      db,
      assetsDir: config.assetsDir,
      staging,
      processed,
      mediaId,
      generation,
      storageKeyId: storageKey.id,
      keepOriginal: config.keepOriginals,
      jobId,
      workerId,
    });
    // Only now, with the item committed, does the original leave imports/.
    await fs.rm(absolutePath, { force: true });
    if (job.failed_path) await removeFailureNote(config.importsDir, job.failed_path);
    stage('completed', 100);
    logger.info({ stage: 'completed', mediaId, type: processed.type, durationMs: Date.now() - started }, 'processed');
    progress.finish('completed', 'completed');
    return { kind: 'completed', mediaId };
  } catch (caught) {
    const error = stop.signal.aborted && !(caught instanceof ProcessingError) ? stop.signal.reason : caught;
    if (error instanceof LeaseLostError || (error instanceof Stopped && error.reason === 'lease')) {
      logger.warn('lease lost; another worker has the file');
      return { kind: 'released', reason: 'lease lost' };
    }
    if (error instanceof Stopped && error.reason === 'shutdown') {
      await retryJob(db, { jobId, workerId, delaySeconds: 0, refundAttempt: true }).catch(() => undefined);
      logger.info({ stage: 'released' }, 'stopped for shutdown; the file goes back to the queue');
      return { kind: 'released', reason: 'shutdown' };
    }
    const failure = toProcessingError(
      error instanceof ToolFailure && error.aborted ? stop.signal.reason : error,
      config.jobTimeoutMinutes,
    );
    if (failure.retryable && job.attempts < job.max_attempts) {
      const inSeconds = backoffSeconds(job.attempts, ctx.retryBaseSeconds);
      await retryJob(db, { jobId, workerId, delaySeconds: inSeconds, error: failure.message, errorCode: failure.code });
      logger.warn({ stage: 'retrying', code: failure.code, err: failure.message, inSeconds }, 'will retry');
      progress.stage('retrying', 0);
      return { kind: 'retrying', code: failure.code, error: failure.message, inSeconds };
    }
    await failForGood(ctx, { job, jobId, relativePath, mediaId, generation, failure, logger });
    progress.finish('failed', 'failed', failure.message);
    return { kind: 'failed', code: failure.code, error: failure.message };
  } finally {
    clearTimeout(timer);
    lease.stop();
    ctx.shutdown.removeEventListener('abort', onShutdown);
    await staging?.remove();
  }
}

async function failForGood(
  ctx: JobContext,
  f: {
    job: QueueJob;
    jobId: number;
    relativePath: string;
    mediaId: string | null;
    generation: number;
    failure: ProcessingError;
    logger: Logger;
  },
): Promise<void> {
  const { config, db, workerId } = ctx;
  let failedPath: string | null = null;
  try {
    failedPath = await moveToFailed(config.importsDir, f.relativePath, {
      code: f.failure.code,
      message: f.failure.message,
      attempts: f.job.attempts,
    });
  } catch (error) {
    f.logger.error({ err: (error as Error).message }, 'could not move the file to failed/');
  }
  await failJob(db, {
    jobId: f.jobId,
    workerId,
    error: f.failure.message,
    errorCode: f.failure.code,
    failedPath,
    mediaId: f.mediaId,
  });
  if (f.mediaId) {
    const notInGallery = await failMedia(db, {
      mediaId: f.mediaId,
      error: f.failure.message,
      errorCode: f.failure.code,
    });
    // Anything a crashed attempt renamed into place before its commit is not part of any item.
    if (notInGallery) {
      for (const dir of ['image', 'video'] as const) {
        await fs.rm(path.join(config.assetsDir, assetDirFor(dir, f.mediaId, f.generation)), {
          recursive: true,
          force: true,
        });
      }
      await fs.rm(path.join(config.assetsDir, originalDirFor(f.mediaId, f.generation)), {
        recursive: true,
        force: true,
      });
    }
  }
  f.logger.error({ stage: 'failed', code: f.failure.code, err: f.failure.message, failedPath }, 'failed for good');
}
