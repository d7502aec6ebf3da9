import { Command } from 'commander';
import { createDb } from '@keepsake/database';
import { createLogger, loadProcessorConfig, megabytes as mb, runCli, terminalProgress } from '@keepsake/platform';
import { openKeyStore } from '@keepsake/vault';
import { rotateKeys } from '../rotation/rotateKeys.js';

const program = new Command('rotate-keys')
  .description(
    'Move every item to new encryption keys (run monthly by cron). Files are re-encrypted beside the old ones ' +
      'and switched in one transaction; old files stay readable for ROTATION_GRACE_HOURS, then are removed. ' +
      'Killed at any point, the next run continues where it stopped.',
  )
  .option('--dry-run', 'list what would be rotated, change nothing', false)
  .option('--only <mediaId>', 'rotate just this item')
  .parse();

runCli(async () => {
  const options = program.opts<{ dryRun: boolean; only?: string }>();
  const config = loadProcessorConfig();
  const logger = createLogger({ name: 'rotate-keys', level: config.logLevel, pretty: config.logPretty });
  const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 3, applicationName: 'keepsake-rotate-keys' });
  const bar = terminalProgress('rotating {bar} {percentage}% | {items} items | {mb} MB | ETA {eta_formatted}');
  try {
    const keyStore = await openKeyStore({ db, masterKeyFile: config.masterKeyFile });
    const summary = await rotateKeys(
      { db, keyStore, assetsDir: config.assetsDir, graceHours: config.rotationGraceHours, logger },
      {
        dryRun: options.dryRun,
        only: options.only,
        onProgress: (p) =>
          bar.update(p.bytesDone, p.bytesTotal, {
            items: `${p.itemsDone}/${p.itemsTotal}`,
            mb: `${mb(p.bytesDone)}/${mb(p.bytesTotal)}`,
          }),
      },
    );
    bar.stop();
    const verb = options.dryRun ? 'would rotate' : 'rotated';
    process.stdout.write(
      `${verb} ${options.dryRun ? summary.items : summary.rotated} of ${summary.items} items (${mb(summary.bytes)} MB)` +
        `${summary.failed.length ? `, ${summary.failed.length} failed and stay on their current keys` : ''}; ` +
        `cleanup removed ${summary.cleanup.removedGenerations} old generations and ${summary.cleanup.removedOrphans.length} leftovers\n`,
    );
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await db.destroy();
  }
});
