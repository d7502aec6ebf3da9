import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '@keepsake/database';
import { OperatorError } from '@keepsake/platform';
import { listAssetFiles } from './assetFiles.js';
import { checkArchive } from './checkArchive.js';
import { installOnlySecrets } from './createBackup.js';
import { entries, type BackupManifest } from './manifest.js';
import { restoreDatabase } from './pgTools.js';
import type { VaultFile } from './privateVault.js';
import { openEntryStream } from './sealedEntry.js';
import { assertStagedAsListed, copyListedAssets, moveInto } from './stageAssets.js';
import { unpackArchive } from './unpackArchive.js';

export interface RestoreDeps {
  db: Db;
  databaseUrl: string;
  privateDir: string;
  assetsDir: string;
}

export interface RestoreOptions {
  archive: string;
  passphrase: string;
  /** For backups made with --assets list: where the rsync'd copy of assets/ is. */
  assetsFrom?: string;
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** A restore only goes onto an empty install: it never mixes two households' data. */
async function assertEmptyInstall(deps: RestoreDeps): Promise<void> {
  const tables = await sql<{ exists: boolean }>`SELECT to_regclass('public.media_files') IS NOT NULL AS exists`.execute(
    deps.db,
  );
  if (tables.rows[0]?.exists) {
    const row = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM media_files) + (SELECT count(*) FROM users) AS n`.execute(deps.db);
    if (Number(row.rows[0]?.n) > 0) {
      throw new OperatorError('the database already holds users or media: restore only onto an empty install');
    }
  }
  if ((await listAssetFiles(deps.assetsDir).catch(() => [])).length > 0) {
    throw new OperatorError(`${deps.assetsDir} is not empty: restore only onto an empty install`);
  }
}

async function writePrivateFiles(privateDir: string, files: VaultFile[]): Promise<void> {
  await fs.mkdir(privateDir, { recursive: true, mode: 0o700 });
  const masterKey = files.find((f) => f.name === 'master.key')!;
  const current = await fs.readFile(path.join(privateDir, 'master.key')).catch(() => undefined);
  if (current && (current.length !== masterKey.content.length || !timingSafeEqual(current, masterKey.content))) {
    // Replacing it is safe only because the install is empty (checked first).
    await fs.rename(path.join(privateDir, 'master.key'), path.join(privateDir, `master.key.replaced-${Date.now()}`));
  }
  for (const file of files) {
    if (installOnlySecrets.has(file.name)) continue;
    // A fresh install's own new secrets are replaced: they protect nothing yet (assets are empty).
    await fs.writeFile(path.join(privateDir, file.name), file.content, { mode: file.mode });
    await fs.chmod(path.join(privateDir, file.name), file.mode);
  }
}

/**
 * Brings a backup back onto an empty install. The archive is unpacked into a staging folder
 * inside ASSETS_DIR and proven whole (manifest MAC, every sealed chunk, the asset list) before
 * anything is changed; then the database (one transaction), private/, and the assets by rename.
 */
export async function restoreBackup(deps: RestoreDeps, options: RestoreOptions): Promise<BackupManifest> {
  await assertEmptyInstall(deps);
  const archiveBytes = (await fs.stat(options.archive).catch(() => undefined))?.size;
  if (archiveBytes === undefined) throw new OperatorError(`${options.archive} does not exist`);
  const total = archiveBytes + 1;
  await fs.mkdir(deps.assetsDir, { recursive: true });
  // Same filesystem as the assets, so they move into place by rename; listAssetFiles skips .staging*.
  const staging = await fs.mkdtemp(path.join(deps.assetsDir, '.staging-restore-'));
  try {
    options.onProgress?.(0, total, 'reading');
    await unpackArchive(options.archive, staging, (done) => options.onProgress?.(done, total, 'reading'));
    options.onProgress?.(archiveBytes, total, 'checks');
    const checked = await checkArchive(staging, options.passphrase);
    const { manifest } = checked;
    const stagedAssets = path.join(staging, 'assets');
    if (manifest.assets.mode === 'list') {
      if (!options.assetsFrom)
        throw new OperatorError('this backup lists its assets only: give --assets-from <copied assets folder>');
      await copyListedAssets(checked.assets, options.assetsFrom, stagedAssets);
    }
    await assertStagedAsListed(checked.assets, stagedAssets);

    options.onProgress?.(archiveBytes, total, 'database');
    const dump = await openEntryStream(checked.databaseFile, checked.keys.database, entries.database);
    await restoreDatabase(deps.databaseUrl, dump);
    await writePrivateFiles(deps.privateDir, checked.privateFiles);
    if (checked.assets.length > 0) await moveInto(stagedAssets, deps.assetsDir);

    const restored = await listAssetFiles(deps.assetsDir);
    if (restored.length !== manifest.assets.files) {
      throw new OperatorError(`restored ${restored.length} asset files, the backup has ${manifest.assets.files}`);
    }
    options.onProgress?.(total, total, 'done');
    return manifest;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
