import type { BoundedReader } from './boundedReader.js';
import type { MotionClaim } from './embeddedMotion.js';

/** ftyp, meta, mdat, maybe free, idat, mpvd: a phone's HEIC has a handful of top-level boxes. */
const MAX_BOXES = 64;
/** Brands of a HEIF still (file-type told it one already; this keeps an MP4 out). */
const stillBrands = /^(heic|heix|heim|heis|hevc|hevx|mif1|msf1|avif)$/;

/**
 * A HEIC motion photo keeps its clip in a top-level `mpvd` box after the still's own boxes
 * (Samsung's Galaxy layout, which Motion Photo 1.0 describes as the primary's 8 bytes of
 * padding). The top-level boxes are walked from the start, a header read each, so the clip
 * can only be the payload of the box that says so, after every box of the still. Null when
 * the file is not such a HEIF or has no such box.
 */
export async function heifMotionClaim(reader: BoundedReader): Promise<{ claim: MotionClaim; stillEnd: number } | null> {
  const ftyp = await reader.read(0, 12);
  if (!ftyp || ftyp.toString('latin1', 4, 8) !== 'ftyp' || !stillBrands.test(ftyp.toString('latin1', 8, 12)))
    return null;
  let at = 0;
  for (let boxes = 0; boxes < MAX_BOXES && at + 8 <= reader.size; boxes++) {
    const header = (await reader.read(at, 16)) ?? (await reader.read(at, 8))!;
    let size = header.readUInt32BE(0);
    let headerSize = 8;
    if (size === 1 && header.length === 16) {
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) size = reader.size - at;
    if (size < headerSize || at + size > reader.size) return null;
    if (header.toString('latin1', 4, 8) === 'mpvd') {
      const claim: MotionClaim = { layout: 'motionphoto', videoStart: at + headerSize, videoLength: size - headerSize };
      return { claim, stillEnd: at + headerSize };
    }
    at += size;
  }
  return null;
}
