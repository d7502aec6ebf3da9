import path from 'node:path';
import { Command } from 'commander';
import { restoreBackup } from '../backup/index.js';
import { runCli } from '@keepsake/platform';
import { openBackupSession, type PassphraseOptions } from './backupSession.js';

const program = new Command('restore')
  .description(
    'Restore a backup archive onto an empty install (no users or media in the database, nothing in ASSETS_DIR): ' +
      'private/ (master key, secrets, certificates), the database, then the encrypted assets. The whole archive ' +
      'is checked first: a wrong passphrase, or an archive altered, cut short or mixed with another, is refused ' +
      'and nothing is changed. Archives of format version 1 (before v2 encrypted the database) are refused. ' +
      'Stop the server and processor first; start them again afterwards.',
  )
  .argument('<archive>', 'the .tar written by npm run backup')
  .option('--assets-from <dir>', 'for a backup made with --assets list: the copied assets folder')
  .option('--passphrase-stdin', 'read the passphrase from standard input', false)
  .option('--passphrase-file <file>', 'read the passphrase from a file')
  .parse();

runCli(async () => {
  const opts = program.opts<{ assetsFrom?: string } & PassphraseOptions>();
  const base = process.env.INIT_CWD ?? process.cwd();
  const archive = path.resolve(base, program.args[0]!);
  const session = await openBackupSession('restore', opts, false);
  try {
    const manifest = await restoreBackup(session.deps, {
      archive,
      passphrase: session.passphrase,
      assetsFrom: opts.assetsFrom ? path.resolve(base, opts.assetsFrom) : undefined,
      onProgress: session.onProgress,
    });
    await session.finish();
    process.stdout.write(
      `Restored the backup of ${manifest.created_at} from ${manifest.host}: ${manifest.database.media_items} items, ` +
        `${manifest.database.users} users, ${manifest.assets.files} asset files. Run npm run migrate, then start Keepsake.\n`,
    );
  } finally {
    await session.finish();
  }
});
