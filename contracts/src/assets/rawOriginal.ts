/**
 * A RAW kept beside the JPEG of the same shot (IMG_0001.CR2 with IMG_0001.JPG): the item shows
 * the JPEG, and the RAW is its second original, sealed with the item's storage key under this
 * name in the same originals folder as `original.sealed` (so rotation re-seals it and removing
 * the item's folders removes it). The item's `metadata.raw` names it; the processor writes it,
 * the server's zip download reads it.
 */
export const RAW_ORIGINAL_FILE = 'raw.sealed';

/**
 * The MOV of a Live Photo, kept the same way beside the still's original (`metadata.live`
 * names it), so the motion can be made again from what the phone recorded.
 */
export const MOTION_ORIGINAL_FILE = 'motion.sealed';

/** Where a second original lies, from the item's original_path (`originals/<id>/g<n>/original.sealed`). */
export function companionOriginalPath(originalPath: string, file: string): string {
  return `${originalPath.slice(0, originalPath.lastIndexOf('/') + 1)}${file}`;
}

/** Where the RAW lies, from the item's original_path. */
export function rawOriginalPath(originalPath: string): string {
  return companionOriginalPath(originalPath, RAW_ORIGINAL_FILE);
}
