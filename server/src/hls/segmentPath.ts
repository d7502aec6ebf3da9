import path from 'node:path';
import { generationDir, isSegmentFile, isVariantName, uuidPattern, VARIANT_PLAYLIST } from '@keepsake/contracts';

export interface SegmentAddress {
  mediaId: string;
  generation: number;
  variant: string;
  file: string;
}

/**
 * Where a segment lives, relative to ASSETS_DIR (videos/<id>/g<generation>/<variant>/<file>),
 * or null when any part is not a plain name; the resolved path is checked to stay inside the
 * item's folder as well, so no spelling of "..", no absolute path and no other item gets through.
 */
export function segmentPath(assetsDir: string, address: SegmentAddress): string | null {
  const { mediaId, generation, variant, file } = address;
  if (!uuidPattern.test(mediaId) || !Number.isSafeInteger(generation) || generation < 1) return null;
  if (!isVariantName(variant) || !isSegmentFile(file)) return null;
  const generationFolder = path.resolve(assetsDir, generationDir('videos', mediaId, generation));
  const full = path.resolve(generationFolder, variant, file);
  if (!full.startsWith(generationFolder + path.sep)) return null;
  return path.relative(assetsDir, full);
}

/** The variant playlist of an item's generation, relative to ASSETS_DIR, under the same rules. */
export function variantPlaylistPath(assetsDir: string, address: Omit<SegmentAddress, 'file'>): string | null {
  const segment = segmentPath(assetsDir, { ...address, file: 'index.ts' });
  return segment && path.join(path.dirname(segment), VARIANT_PLAYLIST);
}
