import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rawOriginalPath } from '@keepsake/contracts';
import type { MediaFile } from '@keepsake/database';
import { createProcessingEnv, generateImage, waitFor, writeDng, type ProcessingEnv } from '@keepsake/testkit';
import { rotateKeys } from '../rotation/rotateKeys.js';

// A camera set to RAW+JPEG writes both files of one shot under one name. Whichever of them is
// processed first, they become one item that shows the JPEG and keeps the RAW as its second
// original, also with two processors on one database.
let env: ProcessingEnv;
const shot = { width: 600, height: 400, make: 'Keepsake', model: 'Test Camera' };
const drop = (name: string) => path.join(env.importsDir, name);
const photoItems = () =>
  env.t.db.selectFrom('media_files').selectAll().where('status', '=', 'completed').orderBy('created_at').execute();
const jobOf = (file: string) =>
  env.t.db.selectFrom('processing_queue').selectAll().where('path', '=', file).executeTakeFirstOrThrow();

beforeAll(async () => {
  // Long enough that a RAW processed before its JPEG waits for it, however slow the machine.
  env = await createProcessingEnv({ workers: 1, env: { RAW_PAIR_WAIT_SECONDS: '600' } });
}, 60_000);

afterAll(async () => env?.close());

async function expectOneItemShowingTheJpeg(item: MediaFile, raw: Buffer, rawName: string, [width, height]: number[]) {
  // The RAW would have made 600×400 (or 400×600).
  expect(item).toMatchObject({ type: 'image', mime: 'image/jpeg', width, height });
  const image = await sharp(await env.openSealed(item.image_path!)).metadata();
  expect([image.width, image.height]).toEqual([width, height]);
  expect(item.metadata.raw).toEqual({ name: rawName, mime: 'image/x-adobe-dng', size: raw.length, file: 'raw.sealed' });
  expect((await env.openSealed(rawOriginalPath(item.original_path!))).equals(raw)).toBe(true);
}

test('the JPEG first: the RAW joins its item', async () => {
  await generateImage({ file: drop('IMG_0001.JPG'), width: 320, height: 240, format: 'jpeg' });
  await env.processor().runOnce();
  const [jpegItem] = await photoItems();
  const raw = await fs.readFile(await writeDng({ ...shot, file: drop('IMG_0001.DNG') }));
  await env.processor().runOnce();

  const items = await photoItems();
  expect(items.map((i) => i.id)).toEqual([jpegItem!.id]);
  await expectOneItemShowingTheJpeg(items[0]!, raw, 'IMG_0001.DNG', [320, 240]);
  expect(await jobOf('IMG_0001.DNG')).toMatchObject({ status: 'completed', stage: 'paired', media_id: jpegItem!.id });
  expect(await env.t.db.selectFrom('raw_pairs').selectAll().execute()).toMatchObject([
    { folder: '', base: 'img_0001', state: 'paired', media_id: jpegItem!.id },
  ]);
  expect(await fs.readdir(env.importsDir)).toEqual([]);
}, 120_000);

test('the RAW first, with two processors: it waits for the JPEG, then joins it', async () => {
  await fs.mkdir(drop('DCIM'));
  const raw = await fs.readFile(await writeDng({ ...shot, file: drop('DCIM/IMG_0002.dng'), orientation: 6 }));
  const first = env.processor();
  const running = first.runOnce();
  // The RAW was looked at and is waiting in the queue for a JPEG of its shot.
  await waitFor(
    'the RAW to wait for its JPEG',
    async () =>
      (
        await env.t.db
          .selectFrom('processing_queue')
          .select('stage')
          .where('path', '=', 'DCIM/IMG_0002.dng')
          .executeTakeFirst()
      )?.stage === 'pairing',
    120_000,
  );
  expect(await photoItems()).toHaveLength(1);

  await generateImage({ file: drop('DCIM/IMG_0002.jpg'), width: 240, height: 320, format: 'jpeg' });
  await env.processor().runOnce();
  await running;

  const items = await photoItems();
  expect(items).toHaveLength(2);
  const item = items.find((i) => i.original_name === 'IMG_0002.jpg')!;
  await expectOneItemShowingTheJpeg(item, raw, 'IMG_0002.dng', [240, 320]);
  expect(await jobOf('DCIM/IMG_0002.dng')).toMatchObject({ status: 'completed', media_id: item.id });
  expect(await fs.readdir(drop('DCIM'))).toEqual([]);
}, 180_000);

test('a RAW whose JPEG is already an item with a RAW of its own stands alone, never replacing it', async () => {
  const [first] = await photoItems();
  const keptBefore = await env.openSealed(rawOriginalPath(first!.original_path!));
  // The same JPEG bytes again (a duplicate of IMG_0001.JPG's item) beside another shot's RAW.
  await generateImage({ file: drop('IMG_0003.JPG'), width: 320, height: 240, format: 'jpeg' });
  await writeDng({ ...shot, file: drop('IMG_0003.DNG'), model: 'Another Camera' });
  await env.processor().runOnce();

  expect(await jobOf('IMG_0003.JPG')).toMatchObject({ stage: 'duplicate', media_id: first!.id });
  const alone = (await photoItems()).find((i) => i.original_name === 'IMG_0003.DNG')!;
  expect(alone).toMatchObject({ mime: 'image/x-adobe-dng', width: 600, height: 400 });
  expect((await env.openSealed(rawOriginalPath(first!.original_path!))).equals(keptBefore)).toBe(true);
}, 120_000);

test('with KEEP_ORIGINALS=false the pair is still one item, and the RAW is not kept either', async () => {
  const processor = () => env.processor({ config: { ...env.config, keepOriginals: false } });
  await generateImage({ file: drop('IMG_0004.JPG'), width: 200, height: 100, format: 'jpeg' });
  await processor().runOnce();
  const raw = await fs.readFile(await writeDng({ ...shot, file: drop('IMG_0004.DNG'), model: 'Fourth' }));
  await processor().runOnce();

  const item = (await photoItems()).find((i) => i.original_name === 'IMG_0004.JPG')!;
  expect(item.original_path).toBeNull();
  expect(item.metadata.raw).toEqual({ name: 'IMG_0004.DNG', mime: 'image/x-adobe-dng', size: raw.length, file: null });
  expect((await photoItems()).some((i) => i.original_name === 'IMG_0004.DNG')).toBe(false);
  expect(await fs.readdir(env.importsDir)).not.toContain('IMG_0004.DNG');
}, 120_000);

test("the kept RAW is one of the item's files: key rotation re-seals it under the item's new key", async () => {
  const before = (await photoItems())[0]!;
  const raw = await env.openSealed(rawOriginalPath(before.original_path!));
  await rotateKeys({
    db: env.t.db,
    keyStore: env.keyStore,
    assetsDir: env.assetsDir,
    graceHours: 24,
    logger: pino({ level: 'silent' }),
  });
  const after = await env.t.db
    .selectFrom('media_files')
    .selectAll()
    .where('id', '=', before.id)
    .executeTakeFirstOrThrow();
  expect(after.generation).toBe(before.generation + 1);
  expect(rawOriginalPath(after.original_path!)).toContain(`/g${after.generation}/`);
  expect((await env.openSealed(rawOriginalPath(after.original_path!))).equals(raw)).toBe(true);
}, 120_000);
