import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { runTool } from './runTool.js';

export interface LiveStillSpec {
  file: string;
  width: number;
  height: number;
  format: 'jpeg' | 'heic';
  /** Apple's ContentIdentifier (maker note tag 0x0011); none: a plain still. */
  contentIdentifier?: string;
  /** EXIF DateTimeOriginal, `YYYY:MM:DD HH:MM:SS`. */
  dateTaken?: string;
}

export interface LiveMotionSpec {
  file: string;
  width: number;
  height: number;
  seconds: number;
  contentIdentifier?: string;
  /** creation_time (ISO 8601), as the MOV of a Live Photo records it. */
  recordedAt?: string;
}

/**
 * Apple's maker note as an iPhone writes it: "Apple iOS\0", version 1, the byte order, then an
 * IFD whose value offsets count from the note's first byte. Only MakerNoteVersion and the
 * ContentIdentifier are written.
 */
function appleMakerNote(contentIdentifier: string): Buffer {
  const text = Buffer.from(`${contentIdentifier}\0`, 'latin1');
  const head = Buffer.concat([Buffer.from('Apple iOS\0', 'latin1'), Buffer.from([0, 1]), Buffer.from('MM')]);
  const entries = 2;
  const ifdSize = 2 + entries * 12 + 4;
  const ifd = Buffer.alloc(ifdSize);
  ifd.writeUInt16BE(entries, 0);
  // 0x0001 MakerNoteVersion, SLONG 14, inline.
  ifd.writeUInt16BE(0x0001, 2);
  ifd.writeUInt16BE(9, 4);
  ifd.writeUInt32BE(1, 6);
  ifd.writeInt32BE(14, 10);
  // 0x0011 ContentIdentifier, ASCII, after the IFD.
  ifd.writeUInt16BE(0x0011, 14);
  ifd.writeUInt16BE(2, 16);
  ifd.writeUInt32BE(text.length, 18);
  ifd.writeUInt32BE(head.length + ifdSize, 22);
  return Buffer.concat([head, ifd, text]);
}

/** A big-endian TIFF block with IFD0 → EXIF IFD holding DateTimeOriginal and MakerNote. */
function exifBlock(spec: LiveStillSpec): Buffer {
  const exifEntries: { tag: number; type: number; value: Buffer }[] = [];
  if (spec.dateTaken) exifEntries.push({ tag: 0x9003, type: 2, value: Buffer.from(`${spec.dateTaken}\0`, 'latin1') });
  if (spec.contentIdentifier) exifEntries.push({ tag: 0x927c, type: 7, value: appleMakerNote(spec.contentIdentifier) });
  const ifd0At = 8;
  const ifd0Size = 2 + 12 + 4;
  const exifAt = ifd0At + ifd0Size;
  const exifSize = 2 + exifEntries.length * 12 + 4;
  let dataAt = exifAt + exifSize;
  const header = Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, ifd0At]);
  const ifd0 = Buffer.alloc(ifd0Size);
  ifd0.writeUInt16BE(1, 0);
  ifd0.writeUInt16BE(0x8769, 2);
  ifd0.writeUInt16BE(4, 4);
  ifd0.writeUInt32BE(1, 6);
  ifd0.writeUInt32BE(exifAt, 10);
  const exif = Buffer.alloc(exifSize);
  exif.writeUInt16BE(exifEntries.length, 0);
  const data: Buffer[] = [];
  exifEntries.forEach((entry, i) => {
    const at = 2 + i * 12;
    exif.writeUInt16BE(entry.tag, at);
    exif.writeUInt16BE(entry.type, at + 2);
    exif.writeUInt32BE(entry.value.length, at + 4);
    exif.writeUInt32BE(dataAt, at + 8);
    const padded = entry.value.length % 2 ? Buffer.concat([entry.value, Buffer.alloc(1)]) : entry.value;
    data.push(padded);
    dataAt += padded.length;
  });
  return Buffer.concat([header, ifd0, exif, ...data]);
}

/** The JPEG with an APP1 Exif segment right after its SOI marker. */
function withExif(jpeg: Buffer, tiff: Buffer): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffe1, 0);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/**
 * heif-enc places each item with a base offset and extents counted from it; iPhones write
 * base offset 0 and absolute extents, the only way exifr reads (it skips base offsets). Same
 * bytes, iPhone's layout: each item's base offset moved into its extents. Version 0 `iloc`
 * with 4-byte fields only, which is what heif-enc writes.
 */
function ilocWithoutBaseOffsets(heic: Buffer): Buffer {
  const out = Buffer.from(heic);
  const at = out.indexOf('iloc', 0, 'latin1');
  if (at < 4 || out[at + 4] !== 0 || out[at + 8] !== 0x44 || (out[at + 9] ?? 0) >> 4 !== 4)
    throw new Error('writeLiveStill: unexpected iloc from heif-enc');
  let p = at + 10;
  let items = out.readUInt16BE(p);
  p += 2;
  while (items--) {
    p += 4; // item id, data reference index
    const base = out.readUInt32BE(p);
    out.writeUInt32BE(0, p);
    p += 4;
    let extents = out.readUInt16BE(p);
    p += 2;
    while (extents--) {
      out.writeUInt32BE(out.readUInt32BE(p) + base, p);
      p += 8;
    }
  }
  return out;
}

/**
 * The still of a Live Photo: a JPEG, or a HEIC made from it by heif-enc (which carries the
 * JPEG's EXIF over), with Apple's maker note holding the content identifier its MOV shares.
 */
export async function writeLiveStill(spec: LiveStillSpec): Promise<string> {
  await fs.mkdir(path.dirname(spec.file), { recursive: true });
  const plain = await sharp({
    create: { width: spec.width, height: spec.height, channels: 3, background: { r: 200, g: 140, b: 30 } },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
  const jpeg = spec.contentIdentifier || spec.dateTaken ? withExif(plain, exifBlock(spec)) : plain;
  if (spec.format === 'jpeg') {
    await fs.writeFile(spec.file, jpeg);
    return spec.file;
  }
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-live-'));
  try {
    const input = path.join(work, 'still.jpg');
    await fs.writeFile(input, jpeg);
    await runTool('heif-enc', ['-q', '50', input, '-o', spec.file]);
    await fs.writeFile(spec.file, ilocWithoutBaseOffsets(await fs.readFile(spec.file)));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
  return spec.file;
}

/**
 * The motion of a Live Photo: a short QuickTime H.264 clip with sound whose metadata carries
 * `com.apple.quicktime.content.identifier` (the mov muxer writes it as an mdta key, as iPhones do).
 */
export async function writeLiveMotion(spec: LiveMotionSpec): Promise<string> {
  await fs.mkdir(path.dirname(spec.file), { recursive: true });
  const size = `${spec.width}x${spec.height}`;
  await runTool('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=${size}:r=15:d=${spec.seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=44100:duration=${spec.seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-movflags',
    'use_metadata_tags',
    ...(spec.contentIdentifier
      ? ['-metadata', `com.apple.quicktime.content.identifier=${spec.contentIdentifier}`]
      : []),
    ...(spec.recordedAt ? ['-metadata', `creation_time=${spec.recordedAt}`] : []),
    '-shortest',
    '-f',
    'mov',
    spec.file,
  ]);
  return spec.file;
}
