import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import type { Db } from '../db/createDb.js';
import { OperatorError } from '../startup/runCli.js';
import { listAssetFiles } from './assetFiles.js';
import { installOnlySecrets } from './createBackup.js';
import { parseManifest, type BackupManifest } from './manifest.js';
import { restoreDatabase } from './pgTools.js';
import { openVault } from './privateVault.js';

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

const metaFiles = new Set(['manifest.json', 'database.dump', 'private.vault', 'assets.list']);

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

async function writePrivateFiles(privateDir: string, files: Awaited<ReturnType<typeof openVault>>): Promise<void> {
  await fs.mkdir(privateDir, { recursive: true, mode: 0o700 });
  for (const file of files) {
    if (installOnlySecrets.has(file.name)) continue;
    // A fresh install's own new secrets are replaced: they protect nothing yet (assets are empty).
    await fs.writeFile(path.join(privateDir, file.name), file.content, { mode: file.mode });
    await fs.chmod(path.join(privateDir, file.name), file.mode);
  }
}

async function copyListedAssets(manifest: BackupManifest, work: string, from: string, to: string): Promise<void> {
  const listed = (await fs.readFile(path.join(work, 'assets.list'), 'utf8')).split('\n').filter(Boolean);
  for (const line of listed) {
    const [size, relative] = line.split('\t') as [string, string];
    const source = path.join(from, relative);
    const stat = await fs.stat(source).catch(() => undefined);
    if (!stat || stat.size !== Number(size)) {
      throw new OperatorError(`${source} is missing or has the wrong size: copy assets/ completely before restoring`);
    }
    await fs.mkdir(path.dirname(path.join(to, relative)), { recursive: true });
    await fs.copyFile(source, path.join(to, relative));
  }
  if (listed.length !== manifest.assets.files) throw new OperatorError('assets.list does not match the manifest');
}

/** Brings a backup back onto an empty install: secrets, database, then the encrypted assets. */
export async function restoreBackup(deps: RestoreDeps, options: RestoreOptions): Promise<BackupManifest> {
  const work = await fs.mkdtemp(path.join(path.dirname(path.resolve(options.archive)), '.keepsake-restore-'));
  try {
    await tar.extract({ file: options.archive, cwd: work, filter: (entry) => metaFiles.has(entry) });
    const manifest = parseManifest(
      await fs.readFile(path.join(work, 'manifest.json'), 'utf8').catch(() => {
        throw new OperatorError(`${options.archive} is not a Keepsake backup (no manifest.json)`);
      }),
    );
    const total = manifest.assets.bytes + 1;
    options.onProgress?.(0, total, 'checks');

    await assertEmptyInstall(deps);
    const files = await openVault(await fs.readFile(path.join(work, 'private.vault')), options.passphrase);
    const masterKey = files.find((f) => f.name === 'master.key');
    if (!masterKey) throw new OperatorError('the backup holds no master key');
    const current = await fs.readFile(path.join(deps.privateDir, 'master.key')).catch(() => undefined);
    if (current && (current.length !== masterKey.content.length || !timingSafeEqual(current, masterKey.content))) {
      // Replacing it is safe only because the install is empty (checked above).
      await fs.rename(
        path.join(deps.privateDir, 'master.key'),
        path.join(deps.privateDir, `master.key.replaced-${Date.now()}`),
      );
    }
    await writePrivateFiles(deps.privateDir, files);

    options.onProgress?.(0, total, 'database');
    await restoreDatabase(deps.databaseUrl, path.join(work, 'database.dump'));

    options.onProgress?.(1, total, 'assets');
    await fs.mkdir(deps.assetsDir, { recursive: true });
    if (manifest.assets.mode === 'copy') {
      let done = 1;
      await tar.extract({
        file: options.archive,
        cwd: deps.assetsDir,
        strip: 1,
        filter: (entry) => entry.startsWith('assets/'),
        onReadEntry: (entry) => {
          done += entry.size;
          options.onProgress?.(done, total, 'assets');
        },
      });
    } else {
      if (!options.assetsFrom)
        throw new OperatorError('this backup lists its assets only: give --assets-from <copied assets folder>');
      await copyListedAssets(manifest, work, options.assetsFrom, deps.assetsDir);
    }
    const restored = await listAssetFiles(deps.assetsDir);
    if (restored.length !== manifest.assets.files) {
      throw new OperatorError(`restored ${restored.length} asset files, the backup has ${manifest.assets.files}`);
    }
    options.onProgress?.(total, total, 'done');
    return manifest;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
