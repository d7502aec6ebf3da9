import type { BoundedReader } from './boundedReader.js';
import type { MotionClaim, Refusal } from './embeddedMotion.js';

/** The trailer's directory is small (a handful of 12-byte entries); ExifTool reads no more either. */
const MAX_DIRECTORY = 0x10000;
const MOTION_BLOCK_TYPE = 0x0a30;
const MOTION_BLOCK_NAME = 'MotionPhoto_Data';

/**
 * Samsung's own trailer, read backwards from the end of the file as ExifTool does: the file
 * ends with `<u32 length> "SEFT"`, preceded by a `SEFH` directory whose 12-byte entries
 * (`00 00 <u16 type> <u32 offset back from SEFH> <u32 size>`, little-endian) point at blocks
 * `<4 bytes type> <u32 name length> <name> <data>`. The clip is the data of the
 * `MotionPhoto_Data` block (type 0x0a30). Null when the file has no such trailer.
 */
export async function samsungTrailerClaim(reader: BoundedReader): Promise<MotionClaim | Refusal | null> {
  const tail = await reader.read(reader.size - 8, 8);
  if (!tail || tail.toString('latin1', 4) !== 'SEFT') return null;
  const length = tail.readUInt32LE(0);
  const dirPos = reader.size - 8 - length;
  if (length < 12 || length >= MAX_DIRECTORY || dirPos < 0)
    return { refused: `Samsung trailer has a bad length (${length})` };
  const dir = (await reader.read(dirPos, length))!;
  if (dir.toString('latin1', 0, 4) !== 'SEFH') return { refused: 'Samsung trailer has no SEFH directory' };
  const count = dir.readUInt32LE(8);
  if (12 + 12 * count > length) return { refused: `Samsung trailer lists more entries (${count}) than it holds` };
  for (let i = 0; i < count; i++) {
    const entry = 12 + 12 * i;
    if (dir.readUInt16LE(entry + 2) !== MOTION_BLOCK_TYPE) continue;
    return motionBlock(reader, dirPos, dir.readUInt32LE(entry + 4), dir.readUInt32LE(entry + 8));
  }
  return null;
}

async function motionBlock(
  reader: BoundedReader,
  dirPos: number,
  back: number,
  size: number,
): Promise<MotionClaim | Refusal> {
  const blockStart = dirPos - back;
  if (back > dirPos || size > back || size < 8) {
    return { refused: `Samsung trailer's video block lies outside the file (offset ${back}, size ${size})` };
  }
  const header = (await reader.read(blockStart, 8))!;
  const nameLength = header.readUInt32LE(4);
  const name = nameLength <= 64 ? await reader.read(blockStart + 8, nameLength) : null;
  if (!name || name.toString('latin1') !== MOTION_BLOCK_NAME || 8 + nameLength > size) {
    return { refused: `Samsung trailer's video block is not named ${MOTION_BLOCK_NAME}` };
  }
  const videoStart = blockStart + 8 + nameLength;
  return { layout: 'samsung', videoStart, videoLength: size - 8 - nameLength };
}
