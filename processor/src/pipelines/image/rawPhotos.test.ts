import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MediaFile, QueueJob } from '@keepsake/database';
import { createProcessingEnv, findPlaintextMedia, writeDng, type ProcessingEnv } from '@keepsake/testkit';

// Camera RAW through LibRaw. The DNGs are written by hand (testkit's writeDng): the real camera
// files that could be brought here have no sensor data (realRawSamples.test.ts takes them).
let env: ProcessingEnv;
const jobs = new Map<string, QueueJob>();
const items = new Map<string, MediaFile>();
const drop = (name: string) => path.join(env.importsDir, name);
let cut: Buffer;

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  const shot = { width: 600, height: 400, make: 'Keepsake', model: 'Test Camera' };
  // Taken with the camera turned clockwise: stored landscape, shown portrait.
  await writeDng({ ...shot, file: drop('turned.dng'), orientation: 6, dateTaken: '2021:05:06 07:08:09' });
  // One scene under two lights: the camera's white balance must make them differ.
  await writeDng({ ...shot, file: drop('neutral.dng'), asShotNeutral: [1, 1, 1] });
  await writeDng({ ...shot, file: drop('warm-light.dng'), asShotNeutral: [0.5, 1, 1] });
  // The header whole, the mosaic cut in half: a card pulled out while writing.
  const whole = await fs.readFile(drop('neutral.dng'));
  cut = whole.subarray(0, whole.length / 2);
  await fs.writeFile(drop('cut.dng'), cut);
  await env.processor().runOnce();
  for (const job of await env.t.db.selectFrom('processing_queue').selectAll().execute()) jobs.set(job.path, job);
  for (const item of await env.t.db.selectFrom('media_files').selectAll().execute()) {
    items.set(item.original_name, item);
  }
}, 300_000);

afterAll(async () => env?.close());

async function redShare(name: string): Promise<number> {
  const { channels } = await sharp(await env.openSealed(items.get(name)!.image_path!)).stats();
  return channels[0]!.mean / (channels[0]!.mean + channels[1]!.mean + channels[2]!.mean);
}

test('a DNG becomes a photo, upright, with its date taken and camera', async () => {
  expect(jobs.get('turned.dng')).toMatchObject({ status: 'completed', error: null });
  const item = items.get('turned.dng')!;
  expect(item).toMatchObject({
    status: 'completed',
    type: 'image',
    mime: 'image/x-adobe-dng',
    width: 400,
    height: 600,
  });
  const image = await sharp(await env.openSealed(item.image_path!)).metadata();
  expect([image.format, image.width, image.height]).toEqual(['webp', 400, 600]);
  expect(item.metadata).toMatchObject({ format: 'raw', camera: { make: 'Keepsake', model: 'Test Camera' } });
  const taken = item.taken_at!;
  expect([taken.getFullYear(), taken.getMonth(), taken.getDate(), taken.getHours()]).toEqual([2021, 4, 6, 7]);
});

test("the camera's white balance is applied", async () => {
  // Red recorded at half strength under the warm light's neutral: developed, red is doubled.
  expect(await redShare('warm-light.dng')).toBeGreaterThan((await redShare('neutral.dng')) + 0.05);
});

test('a cut DNG fails with a clear reason, the original kept in imports/failed/', async () => {
  const job = jobs.get('cut.dng')!;
  expect(job).toMatchObject({ status: 'failed', error_code: 'MEDIA_004', failed_path: 'failed/cut.dng' });
  expect(job.error).toMatch(
    /^RAW photo is cut short: its picture data ends at byte \d+, the file at \d+ \(was it copied completely\?\)$/,
  );
  expect((await fs.readFile(path.join(env.importsDir, 'failed', 'cut.dng'))).equals(cut)).toBe(true);
});

test('no developed plaintext is left in the assets', async () => {
  expect(await findPlaintextMedia(env.assetsDir)).toEqual([]);
});
