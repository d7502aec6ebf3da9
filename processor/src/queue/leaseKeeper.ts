import { type Db, jobQueue } from '@keepsake/database';
import { type Logger } from '@keepsake/platform';

/**
 * Renews a claimed job's lease every third of its length while the job runs. If the lease is
 * lost (another processor reclaimed it after we stalled), `onLost` stops the work: two workers
 * must never publish one file.
 */
export function startLeaseKeeper(options: {
  db: Db;
  jobId: number;
  workerId: string;
  leaseSeconds: number;
  logger: Logger;
  onLost: () => void;
}): { stop(): void } {
  const { db, jobId, workerId, leaseSeconds, logger } = options;
  let expires = Date.now() + leaseSeconds * 1000;
  const timer = setInterval(
    () => {
      jobQueue.renewLease(db, { jobId, workerId, leaseSeconds }).then(
        (owned) => {
          if (owned) expires = Date.now() + leaseSeconds * 1000;
          else options.onLost();
        },
        (error: Error) => {
          logger.warn({ err: error.message }, 'lease not renewed');
          if (Date.now() > expires) options.onLost();
        },
      );
    },
    Math.max(200, (leaseSeconds * 1000) / 3),
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
