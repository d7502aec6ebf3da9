import fs from 'node:fs/promises';
import path from 'node:path';
import { OperatorError } from '@keepsake/platform';
import { listAssetFiles } from './assetFiles.js';
import type { ListedAsset } from './checkArchive.js';

/** For --assets list backups: the rsync'd copy is copied into staging, each file checked against the list first. */
export async function copyListedAssets(assets: ListedAsset[], from: string, staged: string): Promise<void> {
  for (const asset of assets) {
    const source = path.join(from, asset.path);
    const stat = await fs.stat(source).catch(() => undefined);
    if (!stat || stat.size !== asset.size) {
      throw new OperatorError(`${source} is missing or has the wrong size: copy assets/ completely before restoring`);
    }
    await fs.mkdir(path.dirname(path.join(staged, asset.path)), { recursive: true });
    await fs.copyFile(source, path.join(staged, asset.path));
  }
}

/**
 * The staged assets are exactly the authenticated list: no file missing, none cut short,
 * none added. (Their contents are each file's own sealed or HLS encryption.)
 */
export async function assertStagedAsListed(assets: ListedAsset[], staged: string): Promise<void> {
  const found = new Map((await listAssetFiles(staged).catch(() => [])).map((f) => [f.path, f.size] as const));
  for (const asset of assets) {
    const size = found.get(asset.path);
    if (size !== asset.size)
      throw new OperatorError(
        `refusing this backup: assets/${asset.path} is ${size === undefined ? 'missing' : `${size} bytes, not ${asset.size}`}; nothing was restored`,
      );
    found.delete(asset.path);
  }
  const [extra] = found.keys();
  if (extra !== undefined)
    throw new OperatorError(
      `refusing this backup: assets/${extra} is not in its asset list (added); nothing was restored`,
    );
}

/** Moves a staged tree into place by renames (same filesystem), merging into folders that exist but hold no files. */
export async function moveInto(from: string, to: string): Promise<void> {
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    const existing = await fs.stat(dest).catch(() => undefined);
    if (entry.isDirectory() && existing?.isDirectory()) await moveInto(source, dest);
    else await fs.rename(source, dest);
  }
}
