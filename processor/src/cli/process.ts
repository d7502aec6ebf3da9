import pino from 'pino';
import { Command, InvalidArgumentError } from 'commander';
import { loadProcessorConfig, loggerOptions, runCli } from '@keepsake/platform';
import { createProcessor } from '../createProcessor.js';
import { openProcessorResources } from '../startup/openProcessorResources.js';
import { runLongLived } from '../startup/runLongLived.js';
import { createProgressOutput } from './progressOutput.js';

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 3600) throw new InvalidArgumentError('a number of seconds from 1 to 3600');
  return n;
}

const program = new Command('process')
  .description(
    'Turn the photos and videos in IMPORTS_DIR into encrypted items in the gallery.\n' +
      'Without --once it keeps watching the folder (as `npm run start:processor` does).',
  )
  .option('--once', 'process what is in the folder now, then exit (exit code 1 if any file failed)')
  .option(
    '--lease-seconds <n>',
    'how long a file stays claimed by this processor without renewal; another processor takes it over after',
    seconds,
    60,
  )
  .addHelpText(
    'after',
    '\nSettings come from the environment (.env.example): IMPORTS_DIR, ASSETS_DIR, DATABASE_URL, REDIS_URL,\n' +
      'WORKERS, KEEP_ORIGINALS, JOB_TIMEOUT_MINUTES, ... Failed files go to IMPORTS_DIR/failed/ with a .error.txt.',
  )
  .parse();

const options = program.opts<{ once?: boolean; leaseSeconds: number }>();

runCli(async () => {
  const config = loadProcessorConfig();
  if (!options.once) {
    await runLongLived(config, { leaseSeconds: options.leaseSeconds });
    return 0;
  }
  // Logs go to stderr so stdout carries only the per-file lines or the bar.
  const logger = config.logPretty
    ? pino(loggerOptions({ name: 'process', level: config.logLevel, pretty: true }))
    : pino(loggerOptions({ name: 'process', level: config.logLevel, pretty: false }), pino.destination(2));
  const resources = await openProcessorResources(config, { name: 'process', logger });
  const output = createProgressOutput();
  try {
    const processor = createProcessor({
      config,
      ...resources,
      leaseSeconds: options.leaseSeconds,
      onEvent: (event) => output.onEvent(event),
      onResult: (result) => output.onResult(result),
    });
    const stopOnSignal = () => void processor.stop(10_000);
    process.once('SIGTERM', stopOnSignal).once('SIGINT', stopOnSignal);
    const summary = await processor.runOnce();
    output.stop();
    process.stdout.write(
      `${summary.completed} processed, ${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'}, ${summary.failed} failed\n`,
    );
    return summary.failed > 0 ? 1 : 0;
  } finally {
    output.stop();
    await resources.close();
  }
});
