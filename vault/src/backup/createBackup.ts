import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import type { Db } from '@keepsake/database';
import { OperatorError } from '@keepsake/platform';
import { listAssetFiles } from './assetFiles.js';
import { deriveArchiveKeys, newArchiveId, newArchiveKdf } from './archiveKeys.js';
import { BACKUP_FORMAT, BACKUP_VERSION, entries, manifestMac, type BackupManifest } from './manifest.js';
import { dumpDatabase } from './pgTools.js';
import { encodeVault, readPrivateDir } from './privateVault.js';
import { sealEntryBuffer, sealEntryStream } from './sealedEntry.js';

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

/** Owner-only from its first byte: a backup holds the household's master key (sealed) and its metadata. */
async function createArchive(file: string, cwd: string, names: string[]): Promise<void> {
  await fs.rm(file, { force: true });
  await tar.create({ file, cwd, portable: true, mode: 0o600 }, names);
  await fs.chmod(file, 0o600);
}

/**
 * One archive with everything needed to bring Keepsake back on an empty machine: the database
 * dump, private/ and the asset list, each sealed under a key derived from the passphrase; a
 * manifest authenticated with it; and the (already encrypted) assets — or just their list,
 * for those who copy assets with rsync.
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

    const privateFiles = await readPrivateDir(deps.privateDir, installOnlySecrets);
    if (!privateFiles.some((f) => f.name === 'master.key')) {
      throw new OperatorError(`${path.join(deps.privateDir, 'master.key')} is missing: a backup without it is useless`);
    }
    const archiveId = newArchiveId();
    const kdf = newArchiveKdf();
    const keys = await deriveArchiveKeys(options.passphrase, kdf, archiveId);
    await dumpDatabase(deps.databaseUrl, (dump) =>
      sealEntryStream(path.join(work, entries.database), keys.database, dump),
    );
    await sealEntryBuffer(path.join(work, entries.private), keys.private, encodeVault(privateFiles));
    const list = assets.map((f) => `${f.size}\t${f.path}\n`).join('');
    await sealEntryBuffer(path.join(work, entries.assetsList), keys.assetsList, Buffer.from(list));

    const { media, users, migrations } = await counts(deps.db);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      archive_id: archiveId,
      created_at: new Date().toISOString(),
      host: os.hostname(),
      kdf,
      database: { file: entries.database, migrations, media_items: media, users },
      private: { file: entries.private, files: privateFiles.map((f) => f.name) },
      assets: { mode: options.assets, files: assets.length, bytes: assetBytes, list: entries.assetsList },
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
    await fs.writeFile(path.join(work, entries.manifest), manifestBytes, { mode: 0o600 });
    await fs.writeFile(path.join(work, entries.mac), `${manifestMac(keys.manifest, manifestBytes)}\n`, { mode: 0o600 });

    await createArchive(partial, work, [
      entries.manifest,
      entries.mac,
      entries.database,
      entries.private,
      entries.assetsList,
    ]);
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
