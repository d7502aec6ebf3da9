import fs from 'node:fs/promises';
import path from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { QueueJob } from '@keepsake/database';
import {
  createProcessingEnv,
  findPlaintextMedia,
  rawFixture,
  rawFixtures,
  type ProcessingEnv,
} from '@keepsake/testkit';
import { detectMedia } from '../../detect/detectMedia.js';
import { readPhotoMetadata } from './readPhotoMetadata.js';
import { readRawMetadata } from './readRawMetadata.js';

// Real files from real cameras (tests/fixtures/raw/SOURCES.md), whose sensor data their
// projects removed: each must be told a RAW by its bytes (they are dropped under neutral
// names), its camera and date read, and then refused with a reason a person understands,
// never developed into a black picture.
const samples = {
  [rawFixtures.cr2]: { mime: 'image/x-canon-cr2', camera: 'Canon', reason: /camera or a variant LibRaw cannot read/ },
  [rawFixtures.cr3]: { mime: 'image/x-canon-cr3', camera: 'Canon', reason: /cannot be decoded \(data corrupted/ },
  [rawFixtures.nef]: { mime: 'image/x-nikon-nef', camera: 'Nikon', reason: /holds no picture data \(18 bytes/ },
  [rawFixtures.raf]: { mime: 'image/x-fujifilm-raf', camera: 'Fujifilm', reason: /Unexpected end of file/ },
  [rawFixtures.rw2]: { mime: 'image/x-panasonic-rw2', camera: 'Panasonic', reason: /is cut short/ },
  [rawFixtures.dng]: { mime: 'image/x-adobe-dng', camera: 'Canon', reason: /holds no picture data/ },
  [rawFixtures.proRaw]: { mime: 'image/x-adobe-dng', camera: 'Apple', reason: /is cut short/ },
};
const names = Object.keys(samples) as (keyof typeof samples)[];
/** Dropped as "sample-<n>.bin": nothing but the content can tell what each is. */
const dropped = (name: string) => `sample-${names.indexOf(name as keyof typeof samples)}.bin`;

let env: ProcessingEnv;
const jobs = new Map<string, QueueJob>();

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  for (const name of names) await fs.copyFile(rawFixture(name), path.join(env.importsDir, dropped(name)));
  await env.processor().runOnce();
  for (const job of await env.t.db.selectFrom('processing_queue').selectAll().execute()) jobs.set(job.path, job);
}, 300_000);

afterAll(async () => env?.close());

test.each(names)('%s is a RAW by its content', async (name) => {
  expect(await detectMedia(rawFixture(name))).toEqual({ type: 'image', format: 'raw', mime: samples[name].mime });
});

test.each(names)("%s: the camera and date are read from the RAW's own metadata", async (name) => {
  const [exif, raw] = await Promise.all([readPhotoMetadata(rawFixture(name)), readRawMetadata(rawFixture(name))]);
  const camera = exif.camera ?? raw.camera;
  expect(camera?.make).toMatch(new RegExp(`^${samples[name].camera}`, 'i'));
  expect((exif.takenAt ?? raw.takenAt)?.getFullYear()).toBeGreaterThan(2000);
});

test('the metadata of the iPhone ProRAW and the Nikon D70 as their cameras wrote it', async () => {
  const proRaw = await readPhotoMetadata(rawFixture(rawFixtures.proRaw));
  expect(proRaw.camera).toMatchObject({ make: 'Apple', model: 'iPhone 12 Pro' });
  expect(proRaw.takenAt?.toISOString()).toBe(new Date(2020, 11, 29, 14, 24, 45).toISOString());
  // Held upright, turned: the orientation dcraw_emu applies (rawPhotos.test.ts shows it applied).
  expect(await exifr.orientation(rawFixture(rawFixtures.proRaw))).toBe(6);
  const nikon = await readRawMetadata(rawFixture(rawFixtures.nef));
  expect(nikon.camera).toEqual({ make: 'Nikon', model: 'D70' });
});

test.each(names)('%s without its sensor data fails clearly, the file kept in failed/', async (name) => {
  const job = jobs.get(dropped(name))!;
  expect(job).toMatchObject({ status: 'failed', error_code: 'MEDIA_004', failed_path: `failed/${dropped(name)}` });
  expect(job.error).toMatch(samples[name].reason);
  expect(job.error).not.toContain(env.root);
  const kept = await fs.readFile(path.join(env.importsDir, 'failed', dropped(name)));
  expect(kept.equals(await fs.readFile(rawFixture(name)))).toBe(true);
});

test('nothing became an item, and no developed plaintext is left', async () => {
  expect(await env.t.db.selectFrom('media_files').where('status', '=', 'completed').selectAll().execute()).toEqual([]);
  expect(await findPlaintextMedia(env.assetsDir)).toEqual([]);
});
