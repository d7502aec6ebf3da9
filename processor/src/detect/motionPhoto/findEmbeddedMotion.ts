import { openBoundedReader, type BoundedReader } from './boundedReader.js';
import type { MotionClaim, MotionLog, MotionRange, Refusal } from './embeddedMotion.js';
import { heifMotionClaim } from './heifMotionClaim.js';
import { endsWithEoi, jpegHeaderEnd } from './jpegHeaderEnd.js';
import { mp4Extent } from './mp4Extent.js';
import { samsungTrailerClaim } from './samsungTrailerClaim.js';
import { xmpMotionClaim } from './xmpMotionClaim.js';

/** Motion photos hold 1–3 s clips of a few megabytes; a "clip" larger than this is not one. */
export const MAX_CLIP_BYTES = 512 * 1024 * 1024;
/** The smallest MP4 with an ftyp and a moov box. */
const MIN_CLIP_BYTES = 32;

const isRefusal = (claim: MotionClaim | Refusal | null): claim is Refusal => claim !== null && 'refused' in claim;

/**
 * The clip a Google or Samsung motion photo carries after its picture, or null. In a JPEG the
 * XMP says where (Motion Photo 1.0, then MicroVideo); Samsung's trailer is asked when there is
 * no XMP claim or the XMP's bytes are not the clip (Samsung's MicroVideoOffset counts its own
 * block header in). In a HEIC the clip is the top-level `mpvd` box. Each claim is checked
 * against the bytes: inside the file, after the photo's headers (its boxes), the JPEG's EOI
 * where the layout puts it, an MP4 (`ftyp`, `moov`) at the start. Anything else is null with
 * the reason logged: a photo is never failed for its clip.
 */
export async function findEmbeddedMotion(file: string, log?: MotionLog): Promise<MotionRange | null> {
  let reader: BoundedReader;
  try {
    reader = await openBoundedReader(file);
  } catch {
    return null;
  }
  try {
    const heif = await heifMotionClaim(reader);
    const headerEnd = heif ? heif.stillEnd : await jpegHeaderEnd(reader);
    if (headerEnd === null) return null;
    const claims = heif
      ? [async () => heif.claim]
      : [() => xmpMotionClaim(file, reader.size), () => samsungTrailerClaim(reader)];
    const refusals: string[] = [];
    for (const claimOf of claims) {
      const claim = await claimOf();
      if (claim === null) continue;
      const checked = isRefusal(claim) ? claim : await checkClaim(reader, claim, headerEnd);
      if (!isRefusal(checked)) return checked;
      refusals.push(checked.refused);
      if (checked.final) break;
    }
    if (refusals.length > 0)
      log?.info({ reasons: refusals }, 'motion photo clip not taken: the photo is kept as a still');
    return null;
  } catch (error) {
    log?.info({ err: error }, 'motion photo clip not taken: the photo is kept as a still');
    return null;
  } finally {
    await reader.close();
  }
}

async function checkClaim(
  reader: BoundedReader,
  claim: MotionClaim,
  headerEnd: number,
): Promise<MotionRange | Refusal> {
  const { layout, videoStart, videoLength, stillEndsAt } = claim;
  const where = `${layout}: ${videoLength} bytes at ${videoStart}`;
  if (videoLength < MIN_CLIP_BYTES || videoLength > MAX_CLIP_BYTES) return { refused: `${where}: not a clip's size` };
  if (videoStart < headerEnd) return { refused: `${where}: inside the photo's own headers (they end at ${headerEnd})` };
  if (videoStart + videoLength > reader.size)
    return { refused: `${where}: past the end of the file (${reader.size} bytes)` };
  if (stillEndsAt !== undefined && (stillEndsAt < headerEnd || !(await endsWithEoi(reader, stillEndsAt)))) {
    return { refused: `${where}: the JPEG does not end at ${stillEndsAt}, so the clip would overlap it` };
  }
  const extent = await mp4Extent(reader, videoStart, videoLength);
  if ('refused' in extent) return { refused: `${where}: ${extent.refused}` };
  return { layout, videoStart, videoLength: extent.length };
}
