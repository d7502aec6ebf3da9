import type { Db } from '@keepsake/database';
import type { Logger } from '@keepsake/platform';
import { startLeaseKeeper } from '../leaseKeeper.js';

export type StopReason = 'timeout' | 'shutdown' | 'lease';

/** The reason a job's signal is aborted with when something outside its own work stops it. */
export class Stopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`stopped: ${reason}`);
  }
}

export function isStopped(error: unknown, reason: StopReason): error is Stopped {
  return error instanceof Stopped && error.reason === reason;
}

export interface StopWatch {
  /** Aborted on the first of: the time limit, the processor's shutdown, the lease lost. */
  signal: AbortSignal;
  release(): void;
}

/** Watches, for one job, everything that must stop it before it ends by itself. */
export function watchForStop(options: {
  db: Db;
  jobId: number;
  workerId: string;
  leaseSeconds: number;
  timeoutMinutes: number;
  shutdown: AbortSignal;
  logger: Logger;
}): StopWatch {
  const stop = new AbortController();
  const stopWith = (reason: StopReason) => {
    if (!stop.signal.aborted) stop.abort(new Stopped(reason));
  };
  const timer = setTimeout(() => stopWith('timeout'), options.timeoutMinutes * 60_000);
  const onShutdown = () => stopWith('shutdown');
  options.shutdown.addEventListener('abort', onShutdown, { once: true });
  const lease = startLeaseKeeper({
    db: options.db,
    jobId: options.jobId,
    workerId: options.workerId,
    leaseSeconds: options.leaseSeconds,
    logger: options.logger,
    onLost: () => stopWith('lease'),
  });
  return {
    signal: stop.signal,
    release() {
      clearTimeout(timer);
      lease.stop();
      options.shutdown.removeEventListener('abort', onShutdown);
    },
  };
}
