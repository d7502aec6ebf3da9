import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { companionOriginalPath, MOTION_ORIGINAL_FILE } from '@keepsake/contracts';
import { trash, type MediaFile } from '@keepsake/database';
import { eraseMedia, removeErasedFiles } from '@keepsake/vault';
import {
  createProcessingEnv,
  generateVideo,
  runTool,
  waitFor,
  writeLiveMotion,
  writeLiveStill,
  type ProcessingEnv,
} from '@keepsake/testkit';
import { rotateKeys } from '../rotation/rotateKeys.js';

// An iPhone's Live Photo is a still (HEIC or JPEG) and a short MOV sharing Apple's content
// identifier. Whichever comes first, and however far apart, they become one photo item whose
// motion is a small sealed MP4; the MOV is kept as the item's second original, never a video.
let env: ProcessingEnv;
const drop = (name: string) => path.join(env.importsDir, name);
const items = () =>
  env.t.db.selectFrom('media_files').selectAll().where('status', '=', 'completed').orderBy('created_at').execute();
const jobOf = (file: string) =>
  env.t.db.selectFrom('processing_queue').selectAll().where('path', '=', file).executeTakeFirstOrThrow();
const itemNamed = async (name: string) => (await items()).find((item) => item.original_name === name)!;

beforeAll(async () => {
  // Long enough that a MOV processed before its still waits for it, however slow the machine.
  env = await createProcessingEnv({ workers: 1, env: { LIVE_PAIR_WAIT_SECONDS: '3600' } });
}, 60_000);

afterAll(async () => env?.close());

/** The motion decrypted, as ffprobe sees it: H.264 in MP4, no sound, short side at most 720. */
async function probeMotion(item: MediaFile) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-motion-'));
  try {
    const file = path.join(dir, 'motion.mp4');
    await fs.writeFile(file, await env.openSealed(item.motion_path!));
    const json = await runTool('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file]);
    return JSON.parse(json) as {
      streams: { codec_type: string; codec_name: string; width?: number; height?: number; pix_fmt?: string }[];
      format: { format_name: string; duration: string };
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function expectLivePhoto(item: MediaFile, mov: Buffer, movName: string, contentIdentifier: string | null) {
  expect(item).toMatchObject({ type: 'image' });
  expect(item.motion_path).toBe(`${item.asset_dir}/motion.mp4.sealed`);
  const probe = await probeMotion(item);
  expect(probe.format.format_name).toContain('mp4');
  expect(probe.streams.map((s) => `${s.codec_type}:${s.codec_name}`)).toEqual(['video:h264']);
  const video = probe.streams[0]!;
  expect(Math.min(video.width!, video.height!)).toBeLessThanOrEqual(720);
  expect(item.metadata.live).toEqual({
    name: movName,
    mime: 'video/quicktime',
    size: mov.length,
    file: MOTION_ORIGINAL_FILE,
    contentIdentifier,
  });
  const kept = await env.openSealed(companionOriginalPath(item.original_path!, MOTION_ORIGINAL_FILE));
  expect(kept.equals(mov)).toBe(true);
  // The MOV is no video of its own.
  expect((await items()).filter((i) => i.type === 'video')).toEqual([]);
}

test('the HEIC first, the MOV after it is made: the MOV becomes its motion', async () => {
  const id = '7A1E2D40-0001-4C1B-9C55-000000000001';
  await writeLiveStill({ file: drop('IMG_0001.HEIC'), width: 640, height: 480, format: 'heic', contentIdentifier: id });
  await env.processor().runOnce();
  const still = await itemNamed('IMG_0001.HEIC');
  expect(still).toMatchObject({ type: 'image', mime: 'image/heic', motion_path: null });
  expect(still.metadata.contentIdentifier).toBe(id);

  // A 1920×1080 clip: the motion is made no larger than 720 on its short side.
  const mov = await fs.readFile(
    await writeLiveMotion({ file: drop('IMG_0001.MOV'), width: 1920, height: 1080, seconds: 2, contentIdentifier: id }),
  );
  await env.processor().runOnce();

  const item = await itemNamed('IMG_0001.HEIC');
  await expectLivePhoto(item, mov, 'IMG_0001.MOV', id);
  const probe = await probeMotion(item);
  expect([probe.streams[0]!.width, probe.streams[0]!.height]).toEqual([1280, 720]);
  expect(await jobOf('IMG_0001.MOV')).toMatchObject({ status: 'completed', stage: 'paired', media_id: item.id });
  expect(await env.t.db.selectFrom('live_pairs').selectAll().execute()).toMatchObject([
    { pair_key: `id:${id}`, state: 'paired', media_id: item.id },
  ]);
  expect(await fs.readdir(env.importsDir)).toEqual([]);
}, 180_000);

test('the MOV first: it waits, and joins a still of another name dropped after it', async () => {
  const id = '7A1E2D40-0002-4C1B-9C55-000000000002';
  await fs.mkdir(drop('DCIM'));
  const mov = await fs.readFile(
    await writeLiveMotion({
      file: drop('DCIM/IMG_0002.MOV'),
      width: 480,
      height: 640,
      seconds: 2,
      contentIdentifier: id,
    }),
  );
  const running = env.processor().runOnce();
  await waitFor(
    'the MOV to wait for its still',
    async () => (await jobOf('DCIM/IMG_0002.MOV').catch(() => null))?.stage === 'pairing',
    120_000,
  );
  expect((await items()).some((i) => i.original_name === 'IMG_0002.MOV')).toBe(false);

  // Another name (an export renames): the identifier alone pairs them.
  await writeLiveStill({
    file: drop('DCIM/export.jpg'),
    width: 480,
    height: 640,
    format: 'jpeg',
    contentIdentifier: id,
  });
  await env.processor().runOnce();
  await running;

  const item = await itemNamed('export.jpg');
  await expectLivePhoto(item, mov, 'IMG_0002.MOV', id);
  expect(await jobOf('DCIM/IMG_0002.MOV')).toMatchObject({ status: 'completed', stage: 'paired', media_id: item.id });
}, 240_000);

test('without identifiers, the same name and a capture time within a second pair them', async () => {
  await writeLiveStill({
    file: drop('IMG_0003.JPG'),
    width: 400,
    height: 300,
    format: 'jpeg',
    dateTaken: '2024:05:01 10:00:00',
  });
  await env.processor().runOnce();
  const mov = await fs.readFile(
    await writeLiveMotion({
      file: drop('IMG_0003.MOV'),
      width: 400,
      height: 300,
      seconds: 1,
      recordedAt: '2024-05-01T10:00:00.600Z',
    }),
  );
  await env.processor().runOnce();
  await expectLivePhoto(await itemNamed('IMG_0003.JPG'), mov, 'IMG_0003.MOV', null);
}, 180_000);

test("an iPhone's portrait HDR HEVC clip becomes an upright 8-bit H.264 motion", async () => {
  await writeLiveStill({
    file: drop('IMG_0005.JPG'),
    width: 270,
    height: 480,
    format: 'jpeg',
    dateTaken: '2024:06:01 09:30:00',
  });
  await env.processor().runOnce();
  // Stored 480×270 with a quarter turn, 10-bit PQ, no identifier: paired by name and time.
  await generateVideo({
    file: drop('IMG_0005.MOV'),
    width: 480,
    height: 270,
    seconds: 1,
    codec: 'hevc',
    pixFmt: 'yuv420p10le',
    hdr: true,
    rotate: 90,
    container: 'mov',
    recordedAt: '2024-06-01T09:30:00Z',
  });
  await env.processor().runOnce();
  const item = await itemNamed('IMG_0005.JPG');
  expect(item.motion_path).not.toBeNull();
  const [video] = (await probeMotion(item)).streams as {
    codec_name: string;
    width: number;
    height: number;
    pix_fmt?: string;
  }[];
  expect(video).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p' });
  expect(video!.width).toBeLessThan(video!.height);
}, 180_000);

test('a MOV whose still never comes stays a video once its wait is over', async () => {
  const id = '7A1E2D40-0004-4C1B-9C55-000000000004';
  await writeLiveMotion({ file: drop('IMG_0004.MOV'), width: 320, height: 240, seconds: 2, contentIdentifier: id });
  const running = env.processor().runOnce();
  await waitFor(
    'the MOV to wait for its still',
    async () => (await jobOf('IMG_0004.MOV').catch(() => null))?.stage === 'pairing',
    120_000,
  );
  // Its wait is over (as if queued an hour ago): no timing in the test.
  await env.t.db
    .updateTable('processing_queue')
    .set({ queued_at: new Date(Date.now() - 2 * 3600_000) })
    .where('path', '=', 'IMG_0004.MOV')
    .execute();
  await running;
  const video = await itemNamed('IMG_0004.MOV');
  expect(video).toMatchObject({ type: 'video', motion_path: null });
  expect(
    await env.t.db.selectFrom('live_pairs').selectAll().where('pair_key', '=', `id:${id}`).execute(),
  ).toMatchObject([{ state: 'alone' }]);
}, 240_000);

test('key rotation re-seals the motion and its MOV under the new generation', async () => {
  const before = await itemNamed('IMG_0001.HEIC');
  const motion = await env.openSealed(before.motion_path!);
  const mov = await env.openSealed(companionOriginalPath(before.original_path!, MOTION_ORIGINAL_FILE));
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
  expect(after.motion_path).toBe(`${after.asset_dir}/motion.mp4.sealed`);
  expect(after.motion_path).toContain(`/g${after.generation}/`);
  expect((await env.openSealed(after.motion_path!)).equals(motion)).toBe(true);
  expect((await env.openSealed(companionOriginalPath(after.original_path!, MOTION_ORIGINAL_FILE))).equals(mov)).toBe(
    true,
  );
}, 180_000);

test('deleting a Live Photo for good erases both halves', async () => {
  const item = await itemNamed('IMG_0003.JPG');
  const files = [item.motion_path!, companionOriginalPath(item.original_path!, MOTION_ORIGINAL_FILE)];
  await trash.moveToTrash(env.t.db, [item.id], null);
  expect(await eraseMedia(env.t.db, env.keyStore, item.id)).toMatchObject({ id: item.id });
  // From the commit on, the keys are gone: neither half opens, whatever is still on disk.
  for (const file of files) await expect(env.openSealed(file)).rejects.toThrow();
  await removeErasedFiles(env.t.db, env.assetsDir);
  for (const file of files) await expect(fs.stat(path.join(env.assetsDir, file))).rejects.toThrow();
  expect(await env.t.db.selectFrom('live_pairs').selectAll().where('media_id', '=', item.id).execute()).toEqual([]);
}, 60_000);
