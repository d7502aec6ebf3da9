import path from 'node:path';
import { Command, Option } from 'commander';
import { loadCommonConfig } from '../config/index.js';
import { createDb } from '../db/createDb.js';
import { createBackup } from '../backup/index.js';
import { runCli } from '../startup/runCli.js';
import { readSecretInput } from './readSecretInput.js';
import { megabytes, terminalProgress } from './terminalProgress.js';

const program = new Command('backup')
  .description(
    'Write one backup archive: the database, private/ (master key, secrets, certificates) encrypted with a ' +
      'passphrase, a manifest, and the encrypted assets (or their list, for rsync). Losing private/master.key ' +
      'loses every photo: keep this archive somewhere safe, and the passphrase somewhere else.',
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
  const opts = program.opts<{
    out: string;
    assets: 'copy' | 'list';
    passphraseStdin: boolean;
    passphraseFile?: string;
  }>();
  const config = loadCommonConfig();
  const passphrase = await readSecretInput({
    label: 'Backup passphrase',
    stdinOption: '--passphrase-stdin',
    fromStdin: opts.passphraseStdin,
    fromFile: opts.passphraseFile,
    confirm: true,
  });
  const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 1, applicationName: 'keepsake-backup' });
  const bar = terminalProgress('backup {bar} {percentage}% | {stage} | {mb} MB | ETA {eta_formatted}');
  try {
    const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.out);
    const manifest = await createBackup(
      { db, databaseUrl: config.databaseUrl, privateDir: config.privateDir, assetsDir: config.assetsDir },
      {
        out,
        passphrase,
        assets: opts.assets,
        onProgress: (done, total, stage) => bar.update(done, total, { stage, mb: megabytes(done) }),
      },
    );
    bar.stop();
    process.stdout.write(
      `Backup written to ${out}: ${manifest.database.media_items} items, ${manifest.database.users} users, ` +
        `${manifest.assets.files} asset files (${megabytes(manifest.assets.bytes)} MB, ${manifest.assets.mode === 'copy' ? 'inside the archive' : 'listed: copy assets/ with rsync'}).\n`,
    );
  } finally {
    bar.stop();
    await db.destroy();
  }
});
