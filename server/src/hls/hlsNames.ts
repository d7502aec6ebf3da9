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
