import type { QueueJob } from '@keepsake/database';
import { ProcessingError } from '../../errors/ProcessingError.js';

/**
 * A claim counts as an attempt before the work starts, so a file that kills the processor
 * every time (it never reaches the failure path) still runs out of attempts.
 */
export function refuseEndlessRestarts(job: QueueJob): void {
  if (job.attempts > job.max_attempts) {
    throw new ProcessingError(
      'MEDIA_005',
      `gave up after ${job.max_attempts} attempts (the processor stopped each time)`,
      {
        retryable: false,
      },
    );
  }
}
