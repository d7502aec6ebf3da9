/**
 * Processing benchmark (issue 3): Keepsake's full processing of a 1080p 30 s clip next to one
 * bare ffmpeg call making the same ladder, and photos/s for 12-megapixel JPEGs next to bare
 * sharp doing the same conversions, and 12-megapixel DNGs (developed by LibRaw) in the same run
 * as the JPEGs; plus the processor's peak memory. Run: npm run bench.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { benchEnvironment } from '../shared/benchEnvironment.js';
import { clip1080p, ffmpeg, photos12mp, PHOTOS, raws12mp, RAWS } from '../shared/benchMedia.js';
import { cpuSeconds } from '../shared/cpuSeconds.js';
import { measurePeakMemory } from './measurePeakMemory.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WORKERS = 2;
const VIDEO_GOAL = 1.15;
const PHOTO_GOAL = 0.9;

interface Timing {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds of this process and its children. */
  cpu: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<Timing & { value: T }> {
  const start = process.hrtime.bigint();
  const cpuStart = cpuSeconds();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: cpuSeconds() - cpuStart, value };
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
    // Keepsake's default segment length (HLS_SEGMENT_SECONDS=4): a keyframe every 4 s.
    'expr:gte(t,n_forced*4)',
    '-sc_threshold',
    '0',
    '-c:a',
    'aac',
    '-ac',
    '2',
    '-f',
    'hls',
    '-hls_time',
    '4',
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

async function keepsake(files: string[]): Promise<Timing & { peakBytes: number }> {
  const env = await benchEnvironment(WORKERS);
  try {
    await Promise.all(files.map((f) => fs.copyFile(f, path.join(env.importsDir, path.basename(f)))));
    // Files copied long enough ago count as settled; the scan does not wait on them.
    const old = new Date(Date.now() - 60_000);
    await Promise.all(files.map((f) => fs.utimes(path.join(env.importsDir, path.basename(f)), old, old)));
    const memory = measurePeakMemory();
    const { seconds, cpu, value } = await timed(() => env.processor.runOnce());
    const peakBytes = memory.stop();
    if (value.completed !== files.length) throw new Error(`processed ${value.completed} of ${files.length}`);
    return { seconds, cpu, peakBytes };
  } finally {
    await env.close();
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const bestOf = (runs: Timing[]) => ({
  seconds: Math.min(...runs.map((r) => r.seconds)),
  cpu: Math.min(...runs.map((r) => r.cpu)),
});
const list = (runs: Timing[], f: (t: Timing) => string) => runs.map(f).join(', ');

function line(label: string, what: string, value: string, note = ''): void {
  console.log(`${label.padEnd(16)} ${what.padEnd(62)} ${value.padStart(22)}  ${note}`);
}

async function main(): Promise<void> {
  console.log(
    `Processing benchmark: ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}, ${ROUNDS} round(s) each.\n` +
      'Goals are judged on CPU seconds (this process + its ffmpeg): on a shared machine wall time\n' +
      "measures the neighbours' load as much as ours. Wall time is printed beside it.\n",
  );
  const video = await clip1080p();
  const photos = await photos12mp();
  const raws = await raws12mp();

  const only = process.env.BENCH_ONLY;
  if (only !== 'photos') await benchVideo(video);
  if (only !== 'video') await benchPhotos(photos, raws);
}

let failed = false;

async function benchVideo(video: string): Promise<void> {
  const bareVideo: Timing[] = [];
  const ksVideo: Timing[] = [];
  let videoPeak = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-bench-bare-'));
    bareVideo.push(await timed(() => bareLadder(video, out)));
    await fs.rm(out, { recursive: true, force: true });
    const ks = await keepsake([video]);
    ksVideo.push(ks);
    videoPeak = Math.max(videoPeak, ks.peakBytes);
  }
  const bv = bestOf(bareVideo);
  const kv = bestOf(ksVideo);
  const videoRatio = kv.cpu / bv.cpu;
  const fmt = (t: Timing) => `${t.cpu.toFixed(1)} s CPU / ${t.seconds.toFixed(1)} s`;
  line('1080p 30 s clip', 'bare ffmpeg: the same ladder, one call', fmt(bv), `rounds: ${list(bareVideo, fmt)}`);
  line('', 'Keepsake: ladder + poster + 2 animations + sealed original', fmt(kv), `rounds: ${list(ksVideo, fmt)}`);
  line('', `ratio, CPU (goal ≤ ${VIDEO_GOAL})`, videoRatio.toFixed(3), videoRatio <= VIDEO_GOAL ? 'OK' : 'OVER GOAL');
  line('', 'ratio, wall', (kv.seconds / bv.seconds).toFixed(3));
  line('', 'Keepsake peak memory (Node + ffmpeg)', mb(videoPeak));
  if (videoRatio > VIDEO_GOAL) failed = true;
}

async function benchPhotos(photos: string[], raws: string[]): Promise<void> {
  const barePhotos: Timing[] = [];
  const ksPhotos: Timing[] = [];
  const ksRaws: Timing[] = [];
  let photoPeak = 0;
  let rawPeak = 0;
  for (let round = 0; round < ROUNDS; round++) {
    barePhotos.push(await timed(() => bareSharp(photos)));
    const ks = await keepsake(photos);
    ksPhotos.push(ks);
    photoPeak = Math.max(photoPeak, ks.peakBytes);
    const ksRaw = await keepsake(raws);
    ksRaws.push(ksRaw);
    rawPeak = Math.max(rawPeak, ksRaw.peakBytes);
  }
  const bp = bestOf(barePhotos);
  const kp = bestOf(ksPhotos);
  const rate = (t: Timing) => `${(PHOTOS / t.cpu).toFixed(2)}/CPU-s, ${(PHOTOS / t.seconds).toFixed(2)}/s`;
  const photoRatio = bp.cpu / kp.cpu;
  line(
    `12 MP JPEG ×${PHOTOS}`,
    'bare sharp: WebP q85 ≤ 3840×2160 + 300×300 thumbnail',
    rate(bp),
    `rounds: ${list(barePhotos, rate)}`,
  );
  line('', 'Keepsake: + hash, detect, EXIF, 3 sealed files, publish', rate(kp), `rounds: ${list(ksPhotos, rate)}`);
  line(
    '',
    `ratio, photos per CPU second (goal ≥ ${PHOTO_GOAL})`,
    photoRatio.toFixed(3),
    photoRatio >= PHOTO_GOAL ? 'OK' : 'UNDER GOAL',
  );
  line('', 'ratio, photos per second (wall)', (bp.seconds / kp.seconds).toFixed(3));
  line('', 'Keepsake peak memory (Node + libvips)', mb(photoPeak));
  if (photoRatio < PHOTO_GOAL) failed = true;

  // No goal: the cost of a RAW next to a JPEG's, measured in the same run.
  const kr = bestOf(ksRaws);
  const perRaw = (t: Timing) => `${(t.cpu / RAWS).toFixed(2)} CPU-s, ${(t.seconds / RAWS).toFixed(2)} s each`;
  line(
    `12 MP DNG ×${RAWS}`,
    'Keepsake: LibRaw development (AHD, camera WB), then as a JPEG',
    perRaw(kr),
    `rounds: ${list(ksRaws, perRaw)}`,
  );
  line('', 'CPU cost of one RAW / one JPEG', (kr.cpu / RAWS / (kp.cpu / PHOTOS)).toFixed(2));
  line('', 'Keepsake peak memory (Node + LibRaw + libvips)', mb(rawPeak));
}

await main();
process.exitCode = failed ? 1 : 0;
