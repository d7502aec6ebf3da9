import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFile } from '@keepsake/database';
import {
  createProcessingEnv,
  decodeHlsVariant,
  findPlaintextMedia,
  generateImage,
  generateVideo,
  type ProcessingEnv,
} from '@keepsake/testkit';
import { cleanupGenerations } from './cleanupGenerations.js';
import { rotateKeys, type RotateKeysDeps } from './rotateKeys.js';
import { withRotationLock } from './rotationLock.js';

const logger = pino({ level: 'silent' });
const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

describe('key rotation', () => {
  let env: ProcessingEnv;
  let deps: RotateKeysDeps;

  beforeAll(async () => {
    env = await createProcessingEnv();
    await generateVideo({ file: path.join(env.importsDir, 'clip.mp4'), width: 320, height: 240, seconds: 2, fps: 10 });
    await generateImage({ file: path.join(env.importsDir, 'photo.jpg'), width: 400, height: 300, format: 'jpeg' });
    const summary = await env.processor().runOnce();
    expect(summary.completed).toBe(2);
    deps = { db: env.t.db, keyStore: env.keyStore, assetsDir: env.assetsDir, graceHours: 24, logger };
  }, 120_000);
  afterAll(() => env.close());

  const items = () => env.t.db.selectFrom('media_files').selectAll().orderBy('type').execute();
  const hlsKey = async (item: MediaFile) => (await env.keyStore.get(item.hls_key_id!))!.key;
  const variantPlaylists = (item: MediaFile) =>
    (item.variants as { playlist: string }[]).map((v) => path.join(env.assetsDir, item.asset_dir!, v.playlist));
  const exists = (relative: string) =>
    fs.access(path.join(env.assetsDir, relative)).then(
      () => true,
      () => false,
    );

  it('moves every item to new keys; the old HLS key opens no current segment; old files stay for the grace period', async () => {
    const before = await items();
    const [image, video] = before as [MediaFile, MediaFile];
    const oldHlsKey = await hlsKey(video);
    const photoBefore = await env.openSealed(image.image_path!);
    const thumbBefore = await env.openSealed(video.thumbnail_path!);

    const summary = await rotateKeys(deps);
    expect(summary).toMatchObject({ items: 2, rotated: 2, failed: [] });

    const after = await items();
    const [newImage, newVideo] = after as [MediaFile, MediaFile];
    for (const item of after) expect(item.generation).toBe(2);
    expect(newVideo.hls_key_id).not.toBe(video.hls_key_id);
    expect(newVideo.storage_key_id).not.toBe(video.storage_key_id);
    expect(newImage.image_path).toMatch(/\/g2\/image\.webp\.sealed$/);

    // Same pictures, new keys.
    expect((await env.openSealed(newImage.image_path!)).equals(photoBefore)).toBe(true);
    expect((await env.openSealed(newVideo.thumbnail_path!)).equals(thumbBefore)).toBe(true);
    for (const playlist of variantPlaylists(newVideo)) {
      const decoded = await decodeHlsVariant(playlist, await hlsKey(newVideo));
      expect(decoded.duration).toBeGreaterThan(1.5);
      await expect(decodeHlsVariant(playlist, oldHlsKey)).rejects.toThrow();
      expect(await fs.readFile(playlist, 'utf8')).toContain(`/api/media/keys/${newVideo.hls_key_id}`);
    }
    expect(await findPlaintextMedia(env.assetsDir)).toEqual([]);

    // The old generation is intact until the grace period ends: a player mid-film keeps going.
    expect(await exists(video.asset_dir!)).toBe(true);
    for (const playlist of variantPlaylists(video)) {
      expect((await decodeHlsVariant(playlist, oldHlsKey)).duration).toBeGreaterThan(1.5);
    }
    await cleanupGenerations(deps, hours(23));
    expect(await exists(video.asset_dir!)).toBe(true);
    expect(await env.keyStore.get(video.hls_key_id!)).toMatchObject({ id: video.hls_key_id });

    // After it: gone, and the old keys retired.
    const cleanup = await cleanupGenerations(deps, hours(25));
    expect(cleanup.removedGenerations).toBe(2);
    for (const item of before) {
      for (const column of ['asset_dir', 'original_path'] as const) expect(await exists(item[column]!)).toBe(false);
    }
    const oldKeys = await env.t.db
      .selectFrom('encryption_keys')
      .select(['generation', 'retired_at'])
      .where('generation', '=', 1)
      .execute();
    expect(oldKeys.length).toBe(3);
    for (const key of oldKeys) expect(key.retired_at).toBeInstanceOf(Date);
  });

  it('records the run, and a dry run changes nothing', async () => {
    const runs = await env.t.db.selectFrom('rotation_runs').selectAll().execute();
    expect(runs).toEqual([
      expect.objectContaining({ status: 'completed', items_total: 2, items_done: 2, items_failed: 0 }),
    ]);
    expect(runs[0]!.bytes).toBeGreaterThan(0);

    const before = await items();
    const dry = await rotateKeys(deps, { dryRun: true });
    expect(dry).toMatchObject({ runId: null, items: 2, rotated: 0 }); // a new run rotates everything again
    expect(dry.bytes).toBeGreaterThan(0);
    const dryOnly = await rotateKeys(deps, { dryRun: true, only: before[0]!.id });
    expect(dryOnly.items).toBe(1);
    expect(await items()).toEqual(before);
  });

  it('refuses a second run while one holds the lock, with a clear message', async () => {
    let release!: () => void;
    const holding = withRotationLock(env.t.db, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(rotateKeys(deps)).rejects.toThrow(/another key rotation is running/);
    release();
    await holding;
  });

  it('leaves an item it cannot rotate on its old, working generation and reports it', async () => {
    const [, video] = (await items()) as [MediaFile, MediaFile];
    const segment = (await fs.readdir(path.dirname(variantPlaylists(video)[0]!))).find((f) => f.endsWith('.ts'))!;
    const segmentPath = path.join(path.dirname(variantPlaylists(video)[0]!), segment);
    const saved = await fs.readFile(segmentPath);
    await fs.rm(segmentPath);

    const summary = await rotateKeys(deps, { only: video.id });
    expect(summary.failed).toEqual([{ mediaId: video.id, error: expect.stringContaining(segment) }]);
    const after = await env.t.db
      .selectFrom('media_files')
      .selectAll()
      .where('id', '=', video.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ generation: 2, hls_key_id: video.hls_key_id, asset_dir: video.asset_dir });
    expect(await exists(video.asset_dir!.replace('/g2', '/g3'))).toBe(false);
    const unused = await env.t.db.selectFrom('encryption_keys').select('id').where('generation', '=', 3).execute();
    expect(unused).toEqual([]);

    await fs.writeFile(segmentPath, saved);
    for (const playlist of variantPlaylists(after)) {
      expect((await decodeHlsVariant(playlist, await hlsKey(after))).duration).toBeGreaterThan(1.5);
    }
  });
});
