/** Media the benchmarks share, made once with ffmpeg and cached between runs. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeDng } from '@keepsake/testkit';

const run = promisify(execFile);
const cache = path.join(os.tmpdir(), 'keepsake-bench-media');
export const PHOTOS = 12;
export const RAWS = 4;

export async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { maxBuffer: 64 << 20 });
}

/** A 1080p30 clip with motion, detail and sound at 16 Mb/s, made once and cached between runs. */
export async function clip1080p(): Promise<string> {
  const file = path.join(cache, 'clip-1080p-30s-16mbps.mp4');
  if (existsSync(file)) return file;
  await fs.mkdir(cache, { recursive: true });
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1920x1080:r=30:d=30,noise=alls=8:allf=t',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=30',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    // A phone's bitrate: a CRF encode of noise would be 100 Mb/s, making hashing and sealing look dear.
    '-b:v',
    '16M',
    '-maxrate',
    '16M',
    '-bufsize',
    '32M',
    '-g',
    '60',
    '-c:a',
    'aac',
    '-shortest',
    `${file}.tmp.mp4`,
  ]);
  await fs.rename(`${file}.tmp.mp4`, file);
  return file;
}

/** Twelve different 4000×3000 photo-like JPEGs (detail and noise, as cameras produce). */
export async function photos12mp(): Promise<string[]> {
  const files = Array.from({ length: PHOTOS }, (_, i) => path.join(cache, `photo-12mp-${i}.jpg`));
  if (files.every((f) => existsSync(f))) return files;
  await fs.mkdir(cache, { recursive: true });
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=4000x3000:r=1:d=${PHOTOS},noise=alls=12:allf=t`,
    '-q:v',
    '3',
    '-start_number',
    '0',
    path.join(cache, 'photo-12mp-%d.jpg'),
  ]);
  return files;
}

/** Four different 12-megapixel DNGs (4000×3000 16-bit Bayer mosaics, 24 MB each), as a camera writes. */
export async function raws12mp(): Promise<string[]> {
  const files = Array.from({ length: RAWS }, (_, i) => path.join(cache, `raw-12mp-${i}.dng`));
  if (files.every((f) => existsSync(f))) return files;
  await fs.mkdir(cache, { recursive: true });
  for (const [i, file] of files.entries()) {
    // A different white balance each, so no two have the same hash.
    await writeDng({ file, width: 4000, height: 3000, asShotNeutral: [0.5 + i * 0.05, 1, 0.7] });
  }
  return files;
}
