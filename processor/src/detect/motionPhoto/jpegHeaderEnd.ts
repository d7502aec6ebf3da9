import type { BoundedReader } from './boundedReader.js';

/** EXIF, XMP (extended too), ICC, MPF, Photoshop: a phone's JPEG has a few dozen segments at most. */
const MAX_SEGMENTS = 512;

/**
 * Where a JPEG's coded picture starts: the end of its start-of-scan header, found by walking
 * the marker segments from SOI (a 4-byte read each). Nothing of a clip may lie before it: that
 * is the photo's own EXIF, XMP and tables. Null when the file is not such a JPEG.
 */
export async function jpegHeaderEnd(reader: BoundedReader): Promise<number | null> {
  const soi = await reader.read(0, 2);
  if (!soi || soi[0] !== 0xff || soi[1] !== 0xd8) return null;
  let at = 2;
  for (let segments = 0; segments < MAX_SEGMENTS; segments++) {
    const header = await reader.read(at, 4);
    if (!header || header[0] !== 0xff) return null;
    const marker = header[1]!;
    // Fill bytes, and markers without a length (TEM, RSTn), stand alone.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = header.readUInt16BE(2);
    if (length < 2) return null;
    if (marker === 0xda) return at + 2 + length;
    at += 2 + length;
  }
  return null;
}

/** Whether the JPEG's end-of-image marker lies just before `offset`. */
export async function endsWithEoi(reader: BoundedReader, offset: number): Promise<boolean> {
  const eoi = await reader.read(offset - 2, 2);
  return eoi !== null && eoi[0] === 0xff && eoi[1] === 0xd9;
}
