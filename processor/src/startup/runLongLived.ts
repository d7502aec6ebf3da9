import { warnIgnoredSettings, type ProcessorConfig } from '@keepsake/platform';
import { createProcessor } from '../createProcessor.js';
import { openProcessorResources } from './openProcessorResources.js';

/** How long running jobs may finish after SIGTERM (docker-compose.yml and npm start wait longer). */
export const stopGraceMs = 20_000;

export interface LongLivedOptions {
  leaseSeconds?: number;
  /** How long running jobs may finish after SIGTERM before their files go back to the queue. */
  graceMs?: number;
}

/**
 * The processor as a service: watch, process, and on SIGTERM/SIGINT stop claiming, let running
 * conversions finish within the grace period, else kill them and release their leases.
 */
export async function runLongLived(config: ProcessorConfig, options: LongLivedOptions = {}): Promise<void> {
  const resources = await openProcessorResources(config);
  warnIgnoredSettings(resources.logger, process.env);
  const processor = createProcessor({ config, ...resources, leaseSeconds: options.leaseSeconds });
  await processor.start();
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  resources.logger.info({ signal }, 'stopping: no new files; running ones may finish');
  await processor.stop(options.graceMs ?? stopGraceMs);
  resources.logger.info('processor stopped');
  await resources.close();
}
