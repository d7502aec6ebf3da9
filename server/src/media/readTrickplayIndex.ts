import path from 'node:path';
import { text } from 'node:stream/consumers';
import { renditionPath, type StoredItem, type TrickplayIndex } from '@keepsake/contracts';
import { SealedFileError } from '@keepsake/vault';
import { ApiError } from '../errors/ApiError.js';
import { assetFile, openSealedAsset, type SealedDeps } from './openSealedAsset.js';

/** Where an item's previews lie (relative to ASSETS_DIR), or MEDIA_001 for a video made before them. */
export function trickplayDir(item: StoredItem): string {
  const index = renditionPath(item, 'trickplay');
  if (!index) throw new ApiError('MEDIA_001', 'This item has no seek-bar previews.');
  return path.posix.dirname(index);
}

/** The item's sealed trickplay index, opened (it is small: a few hundred bytes per sheet). */
export async function readTrickplayIndex(deps: SealedDeps, item: StoredItem & { id: string }): Promise<TrickplayIndex> {
  const file = assetFile(deps.assetsDir, renditionPath(item, 'trickplay') ?? '');
  if (!file) throw new ApiError('MEDIA_001', 'This item has no seek-bar previews.');
  try {
    return JSON.parse(await text(await openSealedAsset(deps, item.id, file))) as TrickplayIndex;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('MEDIA_001', 'The file is missing.');
    if (error instanceof SealedFileError) throw new ApiError('MEDIA_003');
    throw error;
  }
}
