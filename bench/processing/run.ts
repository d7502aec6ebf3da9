/**
 * Processing benchmark (issue 3): Keepsake's full processing of a 1080p 30 s clip next to one
 * bare ffmpeg call making the same ladder, and photos/s for 12-megapixel JPEGs next to bare
 * sharp doing the same conversions; plus the processor's peak memory. Run: npm run bench.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { benchEnvironment } from './benchEnvironment.js';
import { measurePeakMemory } from './measurePeakMemory.js';

const run = promisify(execFile);
const cache = path.join(os.tmpdir(), 'keepsake-bench-media');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PHOTOS = 12;
const WORKERS = 2;
const VIDEO_GOAL = 1.15;
const PHOTO_GOAL = 0.9;

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { maxBuffer: 64 << 20 });
}

/** A 1080p30 clip with motion, detail and sound, made once and cached between runs. */
async function clip1080p(): Promise<string> {
  const file = path.join(cache, 'clip-1080p-30s.mp4');
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
    '-crf',
    '20',
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
async function photos12mp(): Promise<string[]> {
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

/** The baseline: one ffmpeg run with the same ladder Keepsake makes, and nothing else. */
async function bareLadder(input: string, out: string): Promise<void> {
  await fs.mkdir(out, { recursive: true });
  const rungs = [
    { size: '1280:720', kbps: 2800, audio: 128, profile: 'high', level: '4.0' },
    { size: '854:480', kbps: 1400, audio: 96, profile: 'main', level: '3.1' },
    { size: '640:360', kbps: 800, audio: 64, profile: 'main', level: '3.1' },
  ];
  await ffmpeg([
    '-i',
    input,
    '-filter_complex',
    `[0:v]format=yuv420p,split=3[a][b][c];[a]scale=1280:720[v0];[b]scale=854:480[v1];[c]scale=640:360[v2]`,
    ...rungs.flatMap((r, i) => [
      '-map',
      `[v${i}]`,
      `-b:v:${i}`,
      `${r.kbps}k`,
      `-maxrate:v:${i}`,
      `${Math.round(r.kbps * 1.07)}k`,
      `-bufsize:v:${i}`,
      `${r.kbps * 2}k`,
      `-profile:v:${i}`,
      r.profile,
      `-level:v:${i}`,
      r.level,
    ]),
    ...rungs.flatMap((r, i) => ['-map', '0:a:0', `-b:a:${i}`, `${r.audio}k`]),
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-force_key_frames',
    'expr:gte(t,n_forced*10)',
    '-sc_threshold',
    '0',
    '-c:a',
    'aac',
    '-ac',
    '2',
    '-f',
    'hls',
    '-hls_time',
    '10',
    '-hls_playlist_type',
    'vod',
    '-hls_segment_filename',
    path.join(out, '%v/seg_%05d.ts'),
    '-var_stream_map',
    'v:0,a:0 v:1,a:1 v:2,a:2',
    path.join(out, '%v/index.m3u8'),
  ]);
}

/** The baseline for photos: sharp making the same WebP and thumbnail, as many at once as Keepsake's workers. */
async function bareSharp(files: string[]): Promise<void> {
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const input = sharp(file, { limitInputPixels: 200_000_000 }).rotate();
      await Promise.all([
        input
          .clone()
          .resize({ width: 3840, height: 2160, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 85 })
          .toBuffer(),
        input.clone().resize({ width: 300, height: 300, fit: 'cover' }).webp({ quality: 80 }).toBuffer(),
      ]);
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
}

async function keepsake(files: string[]): Promise<{ seconds: number; peakBytes: number }> {
  const env = await benchEnvironment(WORKERS);
  try {
    await Promise.all(files.map((f) => fs.copyFile(f, path.join(env.importsDir, path.basename(f)))));
    // Files copied long enough ago count as settled; the scan does not wait on them.
    const old = new Date(Date.now() - 60_000);
    await Promise.all(files.map((f) => fs.utimes(path.join(env.importsDir, path.basename(f)), old, old)));
    const memory = measurePeakMemory();
    const { seconds, value } = await timed(() => env.processor.runOnce());
    const peakBytes = memory.stop();
    if (value.completed !== files.length) throw new Error(`processed ${value.completed} of ${files.length}`);
    return { seconds, peakBytes };
  } finally {
    await env.close();
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const best = (values: number[]) => Math.min(...values);

async function main(): Promise<void> {
  console.log(`Processing benchmark: ${os.cpus().length} cores, ${ROUNDS} rounds each, best round counts\n`);
  const video = await clip1080p();
  const photos = await photos12mp();

  const bareVideo: number[] = [];
  const ksVideo: number[] = [];
  let videoPeak = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-bench-bare-'));
    bareVideo.push((await timed(() => bareLadder(video, out))).seconds);
    await fs.rm(out, { recursive: true, force: true });
    const ks = await keepsake([video]);
    ksVideo.push(ks.seconds);
    videoPeak = Math.max(videoPeak, ks.peakBytes);
  }
  const videoRatio = best(ksVideo) / best(bareVideo);

  const barePhotos: number[] = [];
  const ksPhotos: number[] = [];
  let photoPeak = 0;
  for (let round = 0; round < ROUNDS; round++) {
    barePhotos.push(PHOTOS / (await timed(() => bareSharp(photos))).seconds);
    const ks = await keepsake(photos);
    ksPhotos.push(PHOTOS / ks.seconds);
    photoPeak = Math.max(photoPeak, ks.peakBytes);
  }
  const photoRatio = Math.max(...ksPhotos) / Math.max(...barePhotos);

  const rows = [
    [
      '1080p 30 s clip',
      'bare ffmpeg ladder',
      `${best(bareVideo).toFixed(1)} s`,
      `rounds: ${bareVideo.map((s) => s.toFixed(1)).join(', ')}`,
    ],
    [
      '',
      'Keepsake (ladder + poster + previews + sealed original + publish)',
      `${best(ksVideo).toFixed(1)} s`,
      `rounds: ${ksVideo.map((s) => s.toFixed(1)).join(', ')}`,
    ],
    ['', `ratio (goal ≤ ${VIDEO_GOAL})`, videoRatio.toFixed(3), videoRatio <= VIDEO_GOAL ? 'OK' : 'OVER GOAL'],
    ['', 'Keepsake peak memory (Node + ffmpeg)', mb(videoPeak), ''],
    [
      '12 MP JPEG ×12',
      'bare sharp (WebP + thumbnail)',
      `${Math.max(...barePhotos).toFixed(2)} photos/s`,
      `rounds: ${barePhotos.map((s) => s.toFixed(2)).join(', ')}`,
    ],
    [
      '',
      'Keepsake (+ hash, EXIF, seal ×3, publish)',
      `${Math.max(...ksPhotos).toFixed(2)} photos/s`,
      `rounds: ${ksPhotos.map((s) => s.toFixed(2)).join(', ')}`,
    ],
    ['', `ratio (goal ≥ ${PHOTO_GOAL})`, photoRatio.toFixed(3), photoRatio >= PHOTO_GOAL ? 'OK' : 'UNDER GOAL'],
    ['', 'Keepsake peak memory', mb(photoPeak), ''],
  ];
  for (const row of rows) console.log(`${row[0]!.padEnd(16)} ${row[1]!.padEnd(66)} ${row[2]!.padStart(16)}  ${row[3]}`);
  if (videoRatio > VIDEO_GOAL || photoRatio < PHOTO_GOAL) process.exitCode = 1;
}

await main();
