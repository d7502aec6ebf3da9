import { loadCommonConfig } from '@keepsake/platform';
import { createDb } from '@keepsake/database';
import type { BackupDeps } from '../backup/index.js';
import { readSecretInput } from '@keepsake/platform';
import { megabytes, terminalProgress } from '@keepsake/platform';

export interface PassphraseOptions {
  passphraseStdin: boolean;
  passphraseFile?: string;
}

export interface BackupSession {
  deps: BackupDeps;
  passphrase: string;
  onProgress: (done: number, total: number, stage: string) => void;
  /** The bar stops and the connection closes; call before printing the summary too. */
  finish(): Promise<void>;
}

/** What backup and restore both start with: config, the passphrase, a database connection, a progress bar. */
export async function openBackupSession(
  command: 'backup' | 'restore',
  opts: PassphraseOptions,
  newPassphrase: boolean,
): Promise<BackupSession> {
  const config = loadCommonConfig();
  const passphrase = await readSecretInput({
    label: 'Backup passphrase',
    stdinOption: '--passphrase-stdin',
    fromStdin: opts.passphraseStdin,
    fromFile: opts.passphraseFile,
    confirm: newPassphrase,
  });
  const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 1, applicationName: `keepsake-${command}` });
  const bar = terminalProgress(`${command} {bar} {percentage}% | {stage} | {mb} MB | ETA {eta_formatted}`);
  let open = true;
  return {
    deps: { db, databaseUrl: config.databaseUrl, privateDir: config.privateDir, assetsDir: config.assetsDir },
    passphrase,
    onProgress: (done, total, stage) => bar.update(done, total, { stage, mb: megabytes(done) }),
    async finish() {
      bar.stop();
      if (open) await db.destroy();
      open = false;
    },
  };
}
