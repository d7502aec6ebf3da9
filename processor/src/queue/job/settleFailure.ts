import { jobQueue } from '@keepsake/database';
import { ProcessingError } from '../../errors/ProcessingError.js';
import { ToolFailure } from '../../ffmpeg/runTool.js';
import { LeaseLostError } from '../../publish/publishMedia.js';
import { backoffSeconds } from '../backoff.js';
import { failForGood } from './failForGood.js';
import { isStopped } from './jobStop.js';
import type { JobOutcome, JobRun } from './jobRun.js';

/**
 * Every way a job can go wrong leaves its row true: a lost lease leaves it to the new
 * holder, a shutdown gives it back untouched, a retryable failure waits its backoff, and
 * anything else fails for good.
 */
export async function settleFailure(run: JobRun, caught: unknown): Promise<JobOutcome> {
  // Once stopped, whatever the aborted step threw is a consequence: the stop is the cause.
  const error = run.signal.aborted && !(caught instanceof ProcessingError) ? run.signal.reason : caught;
  if (error instanceof LeaseLostError || isStopped(error, 'lease')) {
    run.logger.warn('lease lost; another worker has the file');
    return { kind: 'released', reason: 'lease lost' };
  }
  if (isStopped(error, 'shutdown')) return releaseForShutdown(run);
  const failure = toProcessingError(
    error instanceof ToolFailure && error.aborted ? run.signal.reason : error,
    run.ctx.config.jobTimeoutMinutes,
  );
  if (failure.retryable && run.job.attempts < run.job.max_attempts) return scheduleRetry(run, failure);
  await failForGood(run, failure);
  run.progress.finish('failed', 'failed', failure.message);
  return { kind: 'failed', code: failure.code, error: failure.message };
}

async function releaseForShutdown(run: JobRun): Promise<JobOutcome> {
  await jobQueue
    .retryJob(run.ctx.db, {
      jobId: run.jobId,
      workerId: run.ctx.workerId,
      delaySeconds: 0,
      refundAttempt: true,
    })
    .catch(() => undefined);
  run.logger.info({ stage: 'released' }, 'stopped for shutdown; the file goes back to the queue');
  return { kind: 'released', reason: 'shutdown' };
}

async function scheduleRetry(run: JobRun, failure: ProcessingError): Promise<JobOutcome> {
  const inSeconds = backoffSeconds(run.job.attempts, run.ctx.retryBaseSeconds);
  await jobQueue.retryJob(run.ctx.db, {
    jobId: run.jobId,
    workerId: run.ctx.workerId,
    delaySeconds: inSeconds,
    error: failure.message,
    errorCode: failure.code,
  });
  run.logger.warn({ stage: 'retrying', code: failure.code, err: failure.message, inSeconds }, 'will retry');
  run.progress.stage('retrying', 0);
  return { kind: 'retrying', code: failure.code, error: failure.message, inSeconds };
}

function toProcessingError(error: unknown, timeoutMinutes: number): ProcessingError {
  if (error instanceof ProcessingError) return error;
  if (isStopped(error, 'timeout')) {
    return new ProcessingError('MEDIA_005', `processing took longer than ${timeoutMinutes} min and was stopped`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ProcessingError('MEDIA_005', `processing failed (${message})`, { cause: error });
}
