import path from 'node:path';
import { Command, Option } from 'commander';
import { createBackup } from '../backup/index.js';
import { runCli } from '@keepsake/platform';
import { openBackupSession, type PassphraseOptions } from './backupSession.js';
import { megabytes } from '@keepsake/platform';

const program = new Command('backup')
  .description(
    'Write one backup archive (owner-only, 0600): the database and private/ (master key, secrets, certificates) ' +
      'encrypted with a passphrase, a manifest authenticated with it, and the encrypted assets (or their list, ' +
      'for rsync). Losing private/master.key loses every photo: keep this archive somewhere safe, and the ' +
      'passphrase somewhere else.',
  )
  .option('--out <file>', 'archive to write', `keepsake-backup-${new Date().toISOString().slice(0, 10)}.tar`)
  .addOption(
    new Option('--assets <mode>', 'copy the encrypted assets into the archive, or only list them')
      .choices(['copy', 'list'])
      .default('copy'),
  )
  .option('--passphrase-stdin', 'read the passphrase from standard input', false)
  .option('--passphrase-file <file>', 'read the passphrase from a file (for cron)')
  .parse();

runCli(async () => {
  const opts = program.opts<{ out: string; assets: 'copy' | 'list' } & PassphraseOptions>();
  const session = await openBackupSession('backup', opts, true);
  try {
    const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.out);
    const manifest = await createBackup(session.deps, {
      out,
      passphrase: session.passphrase,
      assets: opts.assets,
      onProgress: session.onProgress,
    });
    await session.finish();
    const where = manifest.assets.mode === 'copy' ? 'inside the archive' : 'listed: copy assets/ with rsync';
    process.stdout.write(
      `Backup written to ${out}: ${manifest.database.media_items} items, ${manifest.database.users} users, ` +
        `${manifest.assets.files} asset files (${megabytes(manifest.assets.bytes)} MB, ${where}).\n`,
    );
  } finally {
    await session.finish();
  }
});
