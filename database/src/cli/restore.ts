import path from 'node:path';
import { Command } from 'commander';
import { loadCommonConfig } from '../config/index.js';
import { createDb } from '../db/createDb.js';
import { restoreBackup } from '../backup/index.js';
import { runCli } from '../startup/runCli.js';
import { readSecretInput } from './readSecretInput.js';
import { megabytes, terminalProgress } from './terminalProgress.js';

const program = new Command('restore')
  .description(
    'Restore a backup archive onto an empty install (no users or media in the database, nothing in ASSETS_DIR): ' +
      'private/ (master key, secrets, certificates), the database, then the encrypted assets. Stop the server ' +
      'and processor first; start them again afterwards.',
  )
  .argument('<archive>', 'the .tar written by npm run backup')
  .option('--assets-from <dir>', 'for a backup made with --assets list: the copied assets folder')
  .option('--passphrase-stdin', 'read the passphrase from standard input', false)
  .option('--passphrase-file <file>', 'read the passphrase from a file')
  .parse();

runCli(async () => {
  const opts = program.opts<{ assetsFrom?: string; passphraseStdin: boolean; passphraseFile?: string }>();
  const base = process.env.INIT_CWD ?? process.cwd();
  const archive = path.resolve(base, program.args[0]!);
  const config = loadCommonConfig();
  const passphrase = await readSecretInput({
    label: 'Backup passphrase',
    stdinOption: '--passphrase-stdin',
    fromStdin: opts.passphraseStdin,
    fromFile: opts.passphraseFile,
    confirm: false,
  });
  const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 1, applicationName: 'keepsake-restore' });
  const bar = terminalProgress('restore {bar} {percentage}% | {stage} | {mb} MB | ETA {eta_formatted}');
  try {
    const manifest = await restoreBackup(
      { db, databaseUrl: config.databaseUrl, privateDir: config.privateDir, assetsDir: config.assetsDir },
      {
        archive,
        passphrase,
        assetsFrom: opts.assetsFrom ? path.resolve(base, opts.assetsFrom) : undefined,
        onProgress: (done, total, stage) => bar.update(done, total, { stage, mb: megabytes(done) }),
      },
    );
    bar.stop();
    process.stdout.write(
      `Restored the backup of ${manifest.created_at} from ${manifest.host}: ${manifest.database.media_items} items, ` +
        `${manifest.database.users} users, ${manifest.assets.files} asset files. Run npm run migrate, then start Keepsake.\n`,
    );
  } finally {
    bar.stop();
    await db.destroy();
  }
});
