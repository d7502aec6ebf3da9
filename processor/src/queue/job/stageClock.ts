import type { Logger } from '@keepsake/platform';
import type { JobProgress } from '../../visibility/progressEvents.js';

export type StageReporter = (stage: string, percent: number) => void;

/** Stage timing for the logs: each stage's duration when the next begins. */
export function stageClock(logger: Logger, progress: JobProgress): StageReporter {
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
