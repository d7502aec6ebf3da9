import { TRICKPLAY_INDEX_FILE, trickplaySheetFile, type TrickplayIndex } from '@keepsake/contracts';
import type { ContentKey } from '@keepsake/vault';
import { writeSealed } from '../../writeSealed.js';
import { COUNT_FRAME_BYTES, type TrickplayPlan } from './planTrickplay.js';
import { splitWebpImages } from './splitWebpImages.js';

/**
 * Seals the sheets ffmpeg piped out (never written in plaintext) and the index that describes
 * them, in the item's output folder. Returns the index's file name (the rendition).
 */
export async function sealTrickplay(
  outDir: string,
  plan: TrickplayPlan,
  sheetStream: Buffer,
  countStream: Buffer,
  key: ContentKey,
): Promise<{ file: string; index: TrickplayIndex }> {
  const images = splitWebpImages(sheetStream);
  const count = Math.floor(countStream.length / COUNT_FRAME_BYTES);
  const perSheet = plan.columns * plan.rows;
  if (images.length !== Math.ceil(count / perSheet)) {
    throw new Error(`trickplay: ${images.length} sheets for ${count} frames`);
  }
  const sheets = images.map((_, n) => ({
    file: trickplaySheetFile(n),
    first: n * perSheet,
    count: Math.min(perSheet, count - n * perSheet),
    start: Math.round(n * perSheet * plan.interval * 1000) / 1000,
  }));
  await Promise.all(images.map((image, n) => writeSealed(outDir, sheets[n]!.file, image, key)));
  const index: TrickplayIndex = { version: 1, ...plan, count, sheets };
  const file = await writeSealed(outDir, TRICKPLAY_INDEX_FILE, Buffer.from(JSON.stringify(index)), key);
  return { file, index };
}
