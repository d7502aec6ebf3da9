import fs from 'node:fs/promises';
import path from 'node:path';
import { ROTATING_SUFFIX, STAGING_DIR } from '@keepsake/contracts';

export interface AssetFile {
  path: string;
  size: number;
}

/** Every file under ASSETS_DIR except work in progress (.staging) and placeholders. */
export async function listAssetFiles(assetsDir: string): Promise<AssetFile[]> {
  const files: AssetFile[] = [];
  for (const entry of await fs.readdir(assetsDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(assetsDir, path.join(entry.parentPath, entry.name));
    if (relative.startsWith(STAGING_DIR) || relative === '.gitkeep' || relative.includes(ROTATING_SUFFIX)) continue;
    files.push({
      path: relative.split(path.sep).join('/'),
      size: (await fs.stat(path.join(assetsDir, relative))).size,
    });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
