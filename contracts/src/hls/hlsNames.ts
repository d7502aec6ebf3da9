/**
 * What names inside an item's HLS folder may look like: a variant folder ("720p") and a
 * media file ("seg_00000.ts"). Nothing with a slash, a dot-dot or an unexpected extension
 * gets through, whether it comes from a URL or from a playlist on disk.
 */
export const variantNamePattern = /^[A-Za-z0-9_-]{1,32}$/;
export const segmentFilePattern = /^[A-Za-z0-9_-]{1,64}\.(ts|m4s|mp4|aac)$/;

export function isVariantName(name: string): boolean {
  return variantNamePattern.test(name);
}

export function isSegmentFile(name: string): boolean {
  return segmentFilePattern.test(name);
}

/** The master playlist, in the generation folder; it names each variant by a relative URI. */
export const MASTER_PLAYLIST = 'master.m3u8';
/** Each variant's playlist, in the variant's folder (`720p/index.m3u8`). */
export const VARIANT_PLAYLIST = 'index.m3u8';
/** ffmpeg's segment name template inside a variant folder: seg_00000.ts, seg_00001.ts, … */
export const SEGMENT_TEMPLATE = 'seg_%05d.ts';
