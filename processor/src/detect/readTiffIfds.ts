import fs from 'node:fs/promises';

/** The TIFF tags the RAW checks read (numbers as in TIFF 6.0, DNG 1.6 and the makers' own). */
export const TAG = {
  newSubfileType: 254,
  width: 256,
  height: 257,
  compression: 259,
  photometric: 262,
  make: 271,
  stripOffsets: 273,
  stripByteCounts: 279,
  tileOffsets: 324,
  tileByteCounts: 325,
  subIfds: 330,
  exifIfd: 34665,
  dngVersion: 50706,
} as const;

export interface TiffIfd {
  /** Numeric values of each integer tag read. */
  tags: Map<number, number[]>;
  /** The camera maker (tag 271), when this IFD names one. */
  make?: string;
}

export interface TiffFile {
  size: number;
  ifds: TiffIfd[];
}

/** A TIFF's IFD chain, its SubIFDs and EXIF IFD are walked at most this far: hostile files loop. */
const MAX_IFDS = 32;
const MAX_ENTRIES = 1000;
/** Integer values kept over the whole file: many tags pointing at one block must not multiply it in memory. */
const MAX_VALUES = 100_000;
const TYPE_SIZE: Record<number, number> = { 1: 1, 3: 2, 4: 4, 13: 4, 16: 8 };

/**
 * The IFDs of a TIFF-structured file (TIFF, DNG, NEF, ARW, CR2, PEF, ORF, RW2…), read with
 * bounded reads from an open file, or null when it is not one. Only integer values are kept:
 * enough to tell a camera's sensor data from a picture, and where that data lies.
 */
export async function readTiffIfds(file: string): Promise<TiffFile | null> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const read = async (at: number, length: number): Promise<Buffer | null> => {
      if (at < 0 || length < 0 || at + length > size) return null;
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, at);
      return bytesRead === length ? buffer : null;
    };
    const header = await read(0, 8);
    if (!header) return null;
    const order = header.toString('latin1', 0, 2);
    if (order !== 'II' && order !== 'MM') return null;
    const le = order === 'II';
    const u16 = (b: Buffer, at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
    const u32 = (b: Buffer, at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
    // 42 is TIFF; Olympus ORF writes "IIRO"/"IIRS"/"MMOR", Panasonic RW2 "IIU\0".
    const magic = u16(header, 2);
    if (![42, 0x4f52, 0x5352, 0x55].includes(magic)) return null;

    const ifds: TiffIfd[] = [];
    const seen = new Set<number>();
    let valuesLeft = MAX_VALUES;
    const pending = [u32(header, 4)];
    while (pending.length > 0 && ifds.length < MAX_IFDS) {
      const at = pending.shift()!;
      if (at === 0 || seen.has(at)) continue;
      seen.add(at);
      const countBytes = await read(at, 2);
      if (!countBytes) continue;
      const count = Math.min(u16(countBytes, 0), MAX_ENTRIES);
      const table = await read(at + 2, count * 12 + 4);
      if (!table) continue;
      const tags = new Map<number, number[]>();
      let make: string | undefined;
      for (let i = 0; i < count; i++) {
        const entry = i * 12;
        const tag = u16(table, entry);
        const type = u16(table, entry + 2);
        const n = u32(table, entry + 4);
        if (tag === TAG.make && type === 2 && n <= 64) {
          const text = n <= 4 ? table.subarray(entry + 8, entry + 8 + n) : await read(u32(table, entry + 8), n);
          make = text?.toString('latin1').replace(/\0.*$/s, '').trim();
          continue;
        }
        const width = TYPE_SIZE[type];
        if (!width || n === 0 || n > valuesLeft) continue;
        const inline = n * width <= 4;
        const values = inline ? table.subarray(entry + 8, entry + 12) : await read(u32(table, entry + 8), n * width);
        if (!values) continue;
        valuesLeft -= n;
        const list: number[] = [];
        for (let v = 0; v < n; v++) {
          if (width === 1) list.push(values[v]!);
          else if (width === 2) list.push(u16(values, v * 2));
          else if (width === 4) list.push(u32(values, v * 4));
          else list.push(Number(le ? values.readBigUInt64LE(v * 8) : values.readBigUInt64BE(v * 8)));
        }
        tags.set(tag, list);
      }
      ifds.push({ tags, ...(make ? { make } : {}) });
      pending.push(...(tags.get(TAG.subIfds) ?? []), ...(tags.get(TAG.exifIfd) ?? []), u32(table, count * 12));
    }
    return { size, ifds };
  } finally {
    await handle.close();
  }
}
