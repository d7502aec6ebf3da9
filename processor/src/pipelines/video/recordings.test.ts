import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MediaFile, QueueJob } from '@keepsake/database';
import { createProcessingEnv, decodeHlsVariant, fixtureFile, runTool, type ProcessingEnv } from '@keepsake/testkit';

// Browser, screen and phone recordings. video/no_duration.webm is how browsers' MediaRecorder and screen recorders write WebM: no
// duration in the header. Its length is measured from the stream; its halves are what a
// recording cut short by a crash or a full disk leaves.
const source = fixtureFile('video/no_duration.webm');
const FULL_SECONDS = 4.94; // end of its last packet (4.872 + 0.066), as ffprobe lists them

let env: ProcessingEnv;
const jobs = new Map<string, QueueJob>();
const items = new Map<string, MediaFile>();

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  const bytes = await fs.readFile(source);
  const drop = (name: string) => path.join(env.importsDir, name);
  await fs.copyFile(source, drop('no_duration.webm'));
  await fs.writeFile(drop('first-half.webm'), bytes.subarray(0, bytes.length / 2));
  // The header and track list only: no frame was ever written.
  await fs.writeFile(drop('header-only.webm'), bytes.subarray(0, 300));
  await writeVariableFrameRate(drop('variable-rate.mp4'));
  await env.processor().runOnce();
  for (const job of await env.t.db.selectFrom('processing_queue').selectAll().execute()) jobs.set(job.path, job);
  for (const item of await env.t.db.selectFrom('media_files').selectAll().execute()) {
    items.set(item.original_name, item);
  }
}, 300_000);

afterAll(async () => env?.close());

const VFR_SECONDS = 6;
const VFR_NOMINAL_FPS = 30;

/**
 * What a phone writes in the dark: nominally 30 fps, but a third of each second's frames
 * missing (frames 5–14 of every 30), so timestamps jump and the average rate is 20.
 */
async function writeVariableFrameRate(file: string): Promise<void> {
  const lavfi = (source: string) => ['-f', 'lavfi', '-i', source];
  await runTool('ffmpeg', [
    '-v',
    'error',
    ...lavfi(`testsrc2=size=320x240:rate=${VFR_NOMINAL_FPS}:duration=${VFR_SECONDS}`),
    ...lavfi(`sine=frequency=440:duration=${VFR_SECONDS}`),
    '-vf',
    `select='not(between(mod(n\\,30)\\,5\\,14))'`,
    '-fps_mode',
    'vfr',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-c:a',
    'aac',
    file,
  ]);
}

/** The length of one variant's HLS playlist: what a player will play. */
async function playlistSeconds(item: MediaFile): Promise<number> {
  const master = await env.openFile(item.playlist_path!);
  const variant = master.split('\n').find((line) => line.endsWith('.m3u8'))!;
  const playlist = await env.openFile(path.join(path.dirname(item.playlist_path!), variant));
  return [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

test('a WebM without a duration in its header is published whole, with the measured duration', async () => {
  expect(jobs.get('no_duration.webm')).toMatchObject({ status: 'completed', error: null });
  const item = items.get('no_duration.webm')!;
  expect(item).toMatchObject({ status: 'completed', type: 'video', width: 1280, height: 720 });
  expect(item.duration).toBeCloseTo(FULL_SECONDS, 1);
  expect(await playlistSeconds(item)).toBeCloseTo(FULL_SECONDS, 0);
});

test('a recording cut in half plays its first half', async () => {
  expect(jobs.get('first-half.webm')).toMatchObject({ status: 'completed', error: null });
  const item = items.get('first-half.webm')!;
  expect(item.duration).toBeGreaterThan(1);
  expect(item.duration).toBeLessThan(FULL_SECONDS / 2 + 1);
  expect(await playlistSeconds(item)).toBeCloseTo(item.duration!, 0);
});

test('a recording with no frames fails as empty, the original kept in imports/failed/', async () => {
  const job = jobs.get('header-only.webm')!;
  expect(job).toMatchObject({ status: 'failed', error_code: 'MEDIA_004', failed_path: 'failed/header-only.webm' });
  expect(job.error).toMatch(/no duration \(empty or cut short\)/);
  expect((await fs.stat(path.join(env.importsDir, 'failed', 'header-only.webm'))).size).toBe(300);
});

test('a variable-frame-rate recording plays at its constant nominal rate, as long as its sound', async () => {
  expect(jobs.get('variable-rate.mp4')).toMatchObject({ status: 'completed', error: null });
  const item = items.get('variable-rate.mp4')!;
  expect(item.duration).toBeCloseTo(VFR_SECONDS, 0);
  const key = (await env.keyStore.get(item.hls_key_id!))!.key;
  const variants = item.variants;
  expect(variants.length).toBeGreaterThan(0);
  for (const variant of variants) {
    const decoded = await decodeHlsVariant(path.join(env.assetsDir, item.asset_dir!, variant.playlist), key);
    // Evenly spaced: every slot of the nominal rate has a frame, none of the dropped ones is missing.
    expect(decoded.frames).toBe(VFR_SECONDS * VFR_NOMINAL_FPS);
    expect(decoded.duration).toBeCloseTo(VFR_SECONDS, 0);
    expect(decoded.hasAudio).toBe(true);
  }
});
