import type { BoundedReader } from './boundedReader.js';

/** A phone's clip has a handful of top-level boxes (ftyp, moov, mdat, free, meta, uuid). */
const MAX_BOXES = 1024;
/** `ftyp` holds a brand, a version and compatible brands: never kilobytes. */
const MAX_FTYP = 4096;
/** Box types are four printable characters (QuickTime's © included). */
const boxType = /^[\x20-\x7e\xa9]{4}$/;

/**
 * How many bytes of `[start, start + length)` are one MP4/QuickTime file, told by its content:
 * it must open with an `ftyp` box and hold a `moov`, and its top-level boxes are walked (a
 * header read each) up to the first bytes that are not a box. That drops what a phone wrote
 * after the clip (Samsung's trailer, which their XMP lengths count in). Returns the reason
 * when the bytes are not such a file.
 */
export async function mp4Extent(
  reader: BoundedReader,
  start: number,
  length: number,
): Promise<{ length: number } | { refused: string }> {
  const end = start + length;
  let at = start;
  let sawMoov = false;
  for (let boxes = 0; boxes < MAX_BOXES && at + 8 <= end; boxes++) {
    const header = (await reader.read(at, 16)) ?? (await reader.read(at, 8))!;
    const type = header.toString('latin1', 4, 8);
    let size = header.readUInt32BE(0);
    if (size === 1 && header.length === 16) size = Number(header.readBigUInt64BE(8));
    else if (size === 0) size = end - at;
    if (boxes === 0 && (type !== 'ftyp' || size < 16 || size > MAX_FTYP)) {
      return { refused: `the bytes at ${start} are not an MP4 (no ftyp box)` };
    }
    if (!boxType.test(type) || size < 8) break;
    if (at + size > end) return { refused: `the clip's ${type} box runs past its end (cut short?)` };
    if (type === 'moov') sawMoov = true;
    at += size;
  }
  if (at === start) return { refused: `the bytes at ${start} are not an MP4 (no ftyp box)` };
  if (!sawMoov) return { refused: 'the clip has no moov box' };
  return { length: at - start };
}
