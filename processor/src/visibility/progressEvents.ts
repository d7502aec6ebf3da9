import { PROGRESS_CHANNEL, type ProgressMessage } from '@keepsake/contracts';
import { type Db, jobQueue } from '@keepsake/database';
import { channelName, type Logger, type Redis } from '@keepsake/platform';

/** What the processor publishes, and hands its local listeners (the CLI's progress bar). */
export type ProgressEvent = ProgressMessage;

export interface ProgressDeps {
  db: Db;
  redis: Redis;
  redisPrefix: string;
  workerId: string;
  logger: Logger;
  /** Local listeners (the CLI's progress bar). */
  onEvent?: (event: ProgressEvent) => void;
}

/** Redis gets a message at most this often per job, the database row less often. */
const PUBLISH_EVERY_MS = 500;
const STORE_EVERY_MS = 2000;

export interface JobProgress {
  setMediaId(mediaId: string): void;
  stage(stage: string, percent: number): void;
  finish(status: 'completed' | 'failed', stage: string, error?: string): void;
}

export function createProgressEvents(deps: ProgressDeps) {
  const channel = channelName(deps.redisPrefix, PROGRESS_CHANNEL);

  function emit(event: ProgressEvent): void {
    deps.onEvent?.(event);
    // Progress is a courtesy: a Redis hiccup must never fail a job.
    deps.redis.publish(channel, JSON.stringify(event)).catch((error: Error) => {
      deps.logger.debug({ err: error.message }, 'progress not published');
    });
  }

  function forJob(jobId: number, file: string): JobProgress {
    let mediaId: string | null = null;
    let lastStage = '';
    let lastPublished = 0;
    let lastStored = 0;
    return {
      setMediaId(id) {
        mediaId = id;
      },
      stage(stage, rawPercent) {
        const percent = Math.round(Math.max(0, Math.min(100, rawPercent)) * 10) / 10;
        const now = Date.now();
        const changed = stage !== lastStage;
        if (changed || now - lastPublished >= PUBLISH_EVERY_MS) {
          lastPublished = now;
          emit({ jobId, mediaId, file, stage, percent, status: 'processing' });
        }
        if (changed || now - lastStored >= STORE_EVERY_MS) {
          lastStored = now;
          jobQueue
            .updateJobProgress(deps.db, { jobId, workerId: deps.workerId, stage, progress: percent })
            .catch((error: Error) => deps.logger.debug({ err: error.message }, 'progress not stored'));
        }
        lastStage = stage;
      },
      finish(status, stage, error) {
        emit({
          jobId,
          mediaId,
          file,
          stage,
          percent: status === 'completed' ? 100 : 0,
          status,
          ...(error ? { error } : {}),
        });
      },
    };
  }

  function queued(jobId: number, file: string): void {
    emit({ jobId, mediaId: null, file, stage: 'queued', percent: 0, status: 'queued' });
  }

  return { forJob, queued };
}

export type ProgressEvents = ReturnType<typeof createProgressEvents>;
