import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import type { Db } from '../db/createDb.js';
import { OperatorError } from '../startup/runCli.js';
import { listAssetFiles } from './assetFiles.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupManifest } from './manifest.js';
import { dumpDatabase } from './pgTools.js';
import { readPrivateDir, sealVault } from './privateVault.js';

/** Passwords of the bundled services belong to the install being restored onto, not to the backup. */
export const installOnlySecrets = new Set(['postgres.password', 'redis.password', 'database.url', 'redis.url']);

export interface BackupDeps {
  db: Db;
  databaseUrl: string;
  privateDir: string;
  assetsDir: string;
}

export interface BackupOptions {
  out: string;
  passphrase: string;
  assets: 'copy' | 'list';
  onProgress?: (done: number, total: number, stage: string) => void;
}

async function counts(db: Db) {
  const row = await sql<{ media: number; users: number }>`
    SELECT (SELECT count(*) FROM media_files)::int AS media, (SELECT count(*) FROM users)::int AS users`.execute(db);
  const migrations = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return { ...row.rows[0]!, migrations: migrations.rows.map((r) => r.name) };
}

/**
 * One archive with everything needed to bring Keepsake back on an empty machine: a
 * database dump, private/ sealed with a passphrase, a manifest, and the (already
 * encrypted) assets — or just their list, for those who copy assets with rsync.
 */
export async function createBackup(deps: BackupDeps, options: BackupOptions): Promise<BackupManifest> {
  if (options.passphrase.length < 12) throw new OperatorError('the backup passphrase must be at least 12 characters');
  const work = await fs.mkdtemp(path.join(path.dirname(path.resolve(options.out)), '.keepsake-backup-'));
  const partial = `${options.out}.partial`;
  try {
    const assets = await listAssetFiles(deps.assetsDir);
    const assetBytes = assets.reduce((sum, f) => sum + f.size, 0);
    const total = assetBytes + 1;
    options.onProgress?.(0, total, 'database');

    await dumpDatabase(deps.databaseUrl, path.join(work, 'database.dump'));
    const privateFiles = await readPrivateDir(deps.privateDir, installOnlySecrets);
    if (!privateFiles.some((f) => f.name === 'master.key')) {
      throw new OperatorError(`${path.join(deps.privateDir, 'master.key')} is missing: a backup without it is useless`);
    }
    await fs.writeFile(path.join(work, 'private.vault'), await sealVault(privateFiles, options.passphrase));
    if (options.assets === 'list') {
      await fs.writeFile(path.join(work, 'assets.list'), assets.map((f) => `${f.size}\t${f.path}`).join('\n') + '\n');
    }
    const { media, users, migrations } = await counts(deps.db);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      created_at: new Date().toISOString(),
      host: os.hostname(),
      database: {
        file: 'database.dump',
        bytes: (await fs.stat(path.join(work, 'database.dump'))).size,
        migrations,
        media_items: media,
        users,
      },
      private: { file: 'private.vault', files: privateFiles.map((f) => f.name) },
      assets: {
        mode: options.assets,
        files: assets.length,
        bytes: assetBytes,
        ...(options.assets === 'list' ? { list: 'assets.list' as const } : {}),
      },
    };
    await fs.writeFile(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));

    const meta = [
      'manifest.json',
      'database.dump',
      'private.vault',
      ...(options.assets === 'list' ? ['assets.list'] : []),
    ];
    await tar.create({ file: partial, cwd: work, portable: true }, meta);
    options.onProgress?.(1, total, 'assets');
    if (options.assets === 'copy' && assets.length > 0) {
      let done = 1;
      await tar.replace(
        {
          file: partial,
          cwd: deps.assetsDir,
          prefix: 'assets',
          portable: true,
          onWriteEntry: (entry) => {
            done += entry.stat?.size ?? 0;
            options.onProgress?.(done, total, 'assets');
          },
        },
        assets.map((f) => f.path),
      );
    }
    // Only a complete archive gets the name asked for.
    await fs.rename(partial, options.out);
    options.onProgress?.(total, total, 'done');
    return manifest;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    await fs.rm(partial, { force: true });
  }
}
