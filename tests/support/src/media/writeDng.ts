import fs from 'node:fs/promises';

export interface DngSpec {
  file: string;
  /** Sensor size (even numbers: one 2×2 RGGB block per four photosites). */
  width: number;
  height: number;
  /** EXIF orientation (6: the camera was turned clockwise). */
  orientation?: number;
  make?: string;
  model?: string;
  /** "YYYY:MM:DD HH:MM:SS", as EXIF writes it. */
  dateTaken?: string;
  /** The camera's white balance: neutral as the sensor saw it (R, G, B; green 1). */
  asShotNeutral?: [number, number, number];
}

type Entry = { tag: number; type: number; values: number[] | string };
const BYTE = 1;
const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const SRATIONAL = 10;
const SIZE: Record<number, number> = { [BYTE]: 1, [ASCII]: 1, [SHORT]: 2, [LONG]: 4, [RATIONAL]: 8, [SRATIONAL]: 8 };

function valueBytes({ type, values }: Entry): Buffer {
  if (typeof values === 'string') return Buffer.from(`${values}\0`, 'latin1');
  const out = Buffer.alloc(values.length * SIZE[type]!);
  values.forEach((v, i) => {
    const at = i * SIZE[type]!;
    if (type === BYTE) out.writeUInt8(v, at);
    else if (type === SHORT) out.writeUInt16LE(v, at);
    else if (type === LONG) out.writeUInt32LE(v, at);
    else {
      const write = type === RATIONAL ? out.writeUInt32LE.bind(out) : out.writeInt32LE.bind(out);
      write(Math.round(v * 10_000), at);
      out.writeUInt32LE(10_000, at + 4);
    }
  });
  return out;
}

/** One IFD at `offset`, its out-of-line values right after it; returns the bytes. */
function ifd(entries: Entry[], offset: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const tableSize = 2 + sorted.length * 12 + 4;
  const table = Buffer.alloc(tableSize);
  const extra: Buffer[] = [];
  let extraAt = offset + tableSize;
  table.writeUInt16LE(sorted.length, 0);
  sorted.forEach((entry, i) => {
    const bytes = valueBytes(entry);
    const at = 2 + i * 12;
    table.writeUInt16LE(entry.tag, at);
    table.writeUInt16LE(entry.type, at + 2);
    table.writeUInt32LE(bytes.length / SIZE[entry.type]!, at + 4);
    if (bytes.length <= 4) bytes.copy(table, at + 8);
    else {
      table.writeUInt32LE(extraAt, at + 8);
      const padded = bytes.length % 2 ? Buffer.concat([bytes, Buffer.alloc(1)]) : bytes;
      extra.push(padded);
      extraAt += padded.length;
    }
  });
  return Buffer.concat([table, ...extra]);
}

/**
 * A minimal, valid DNG: a 16-bit RGGB Bayer mosaic (a colour gradient, so a wrong white balance
 * or demosaic shows) with the tags a camera writes for orientation, make, model, date and white
 * balance. Written by hand: no Debian package writes DNG, and no freely licensed camera file
 * could be brought here.
 */
export async function writeDng(spec: DngSpec): Promise<string> {
  const { width, height } = spec;
  const mosaic = Buffer.alloc(width * height * 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const channel = (y % 2) * 2 + (x % 2); // 0 R, 1 and 2 G, 3 B
      const level = channel === 0 ? x / width : channel === 3 ? y / height : 0.5;
      mosaic.writeUInt16LE(Math.round(4000 + level * 40_000), (y * width + x) * 2);
    }
  }
  const exifEntries: Entry[] = spec.dateTaken ? [{ tag: 36867, type: ASCII, values: spec.dateTaken }] : [];
  const model = spec.model ?? 'Test Camera';
  // IFD0 goes at 8; its size does not depend on the offsets written into it, so measure first.
  const ifd0Entries = (exifAt: number, dataAt: number): Entry[] => [
    { tag: 254, type: LONG, values: [0] },
    { tag: 256, type: LONG, values: [width] },
    { tag: 257, type: LONG, values: [height] },
    { tag: 258, type: SHORT, values: [16] },
    { tag: 259, type: SHORT, values: [1] },
    { tag: 262, type: SHORT, values: [32803] },
    { tag: 271, type: ASCII, values: spec.make ?? 'Keepsake' },
    { tag: 272, type: ASCII, values: model },
    { tag: 273, type: LONG, values: [dataAt] },
    { tag: 274, type: SHORT, values: [spec.orientation ?? 1] },
    { tag: 277, type: SHORT, values: [1] },
    { tag: 278, type: LONG, values: [height] },
    { tag: 279, type: LONG, values: [mosaic.length] },
    { tag: 284, type: SHORT, values: [1] },
    { tag: 33421, type: SHORT, values: [2, 2] },
    { tag: 33422, type: BYTE, values: [0, 1, 1, 2] },
    { tag: 34665, type: LONG, values: [exifAt] },
    { tag: 50706, type: BYTE, values: [1, 4, 0, 0] },
    { tag: 50708, type: ASCII, values: model },
    { tag: 50717, type: LONG, values: [65_535] },
    { tag: 50721, type: SRATIONAL, values: [1, 0, 0, 0, 1, 0, 0, 0, 1] },
    { tag: 50728, type: RATIONAL, values: spec.asShotNeutral ?? [0.5, 1, 0.7] },
    { tag: 50778, type: SHORT, values: [21] },
  ];
  const ifd0Size = ifd(ifd0Entries(0, 0), 8).length;
  const exifAt = 8 + ifd0Size;
  const exif = ifd(exifEntries, exifAt);
  const dataAt = exifAt + exif.length;
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  await fs.writeFile(spec.file, Buffer.concat([header, ifd(ifd0Entries(exifAt, dataAt), 8), exif, mosaic]));
  return spec.file;
}
