import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupGenerations, rotateKeys, type RotateKeysDeps } from '@keepsake/processor';
import { createProcessingEnv, generateImage, generateVideo, playHlsUrl, type ProcessingEnv } from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../server/src/testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../server/src/testing/testUsers.js';

interface LibraryItem {
  id: string;
  type: string;
  image_url: string | null;
  thumbnail_url: string;
  stream_url: string | null;
}

/**
 * Issue 7 through the real server: after a rotation every video plays and every photo opens,
 * and a player that loaded its playlists before the switch keeps going until the grace period ends.
 */
describe('key rotation while people watch', () => {
  let env: ProcessingEnv;
  let h: TestApp;
  let user: SignedIn;
  let base: string;
  let deps: RotateKeysDeps;

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    await generateImage({ file: path.join(env.importsDir, 'garden.jpg'), width: 640, height: 480, format: 'jpeg' });
    // Two variants (480p, 360p), three 4 s segments each.
    await generateVideo({ file: path.join(env.importsDir, 'beach.mp4'), width: 854, height: 480, seconds: 12 });
    expect((await env.processor().runOnce()).completed).toBe(2);
    h = await createTestApp({ processing: env });
    await createTestUser(h.t.db, 'mum');
    user = await signIn(h.app, 'mum');
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    deps = {
      db: env.t.db,
      keyStore: env.keyStore,
      assetsDir: env.assetsDir,
      graceHours: 24,
      logger: pino({ level: 'silent' }),
    };
  }, 240_000);
  afterAll(async () => {
    await h?.close();
    await env?.close();
  });

  const library = async () =>
    (await h.app.inject({ url: '/api/media/library', headers: user.auth })).json<{ items: LibraryItem[] }>().items;
  const fetchText = async (url: string) => {
    const response = await fetch(`${base}${url}`);
    expect(response.status, url).toBe(200);
    return response.text();
  };
  const uris = (playlist: string) => playlist.split('\n').filter((line) => line.startsWith('/api/'));
  const keyUri = (playlist: string) => /URI="([^"]+)"/.exec(playlist)![1]!;

  /** ffmpeg as the player: decodes every segment of every variant, or fails. */
  const playsInFull = async (url: string) => expect(await playHlsUrl(`${base}${url}`)).toBe('');

  it('keeps an old player going through the grace period, plays everything new, and ends the old generation after it', async () => {
    const before = await library();
    const video = before.find((i) => i.type === 'video')!;
    const photo = before.find((i) => i.type === 'image')!;
    const photoBytes = Buffer.from(await (await fetch(`${base}${photo.image_url}`)).arrayBuffer());

    // A player loads the master and a variant playlist, then the library is rotated under it.
    const oldVariantUrl = uris(await fetchText(video.stream_url!))[0]!;
    const oldVariant = await fetchText(oldVariantUrl);
    const oldKeyUrl = keyUri(oldVariant);
    const oldKey = Buffer.from(await (await fetch(`${base}${oldKeyUrl}`)).arrayBuffer());
    expect(oldKey.length).toBe(16);

    const summary = await rotateKeys(deps);
    expect(summary).toMatchObject({ rotated: 2, failed: [] });

    // The old player: same key, every old segment, the whole variant decodes.
    const keyAgain = await fetch(`${base}${oldKeyUrl}`);
    expect(keyAgain.status).toBe(200);
    expect(Buffer.from(await keyAgain.arrayBuffer()).equals(oldKey)).toBe(true);
    for (const segment of uris(oldVariant)) expect((await fetch(`${base}${segment}`)).status, segment).toBe(200);
    await playsInFull(oldVariantUrl);

    // Anyone starting now gets the new generation and key, and it plays; the photo opens as before.
    const after = await library();
    const newVideo = after.find((i) => i.id === video.id)!;
    const newVariant = await fetchText(uris(await fetchText(newVideo.stream_url!))[0]!);
    expect(newVariant).toMatch(/\/g2\//);
    expect(keyUri(newVariant)).not.toBe(oldKeyUrl);
    await playsInFull(newVideo.stream_url!);
    const newPhoto = after.find((i) => i.id === photo.id)!;
    const photoNow = await fetch(`${base}${newPhoto.image_url}`);
    expect(photoNow.status).toBe(200);
    expect(Buffer.from(await photoNow.arrayBuffer()).equals(photoBytes)).toBe(true);

    // Still there one hour before the grace period ends...
    await cleanupGenerations(deps, new Date(Date.now() + 23 * 3_600_000));
    await playsInFull(oldVariantUrl);
    // ...and gone after it: old playlist, segments and key refused; the new generation plays on.
    await cleanupGenerations(deps, new Date(Date.now() + 25 * 3_600_000));
    const refusedKey = await fetch(`${base}${oldKeyUrl}`);
    const refusedPlaylist = await fetch(`${base}${oldVariantUrl}`);
    const refusedSegment = await fetch(`${base}${uris(oldVariant)[0]}`);
    expect(refusedPlaylist.status).toBe(404);
    expect(refusedSegment.status).toBe(404);
    expect(refusedKey.status).toBe(404);
    await playsInFull(newVideo.stream_url!);
  });

  it('refuses an old generation once its retire_after has passed, while its files are still on disk', async () => {
    const video = (await library()).find((i) => i.type === 'video')!;
    const oldVariantUrl = uris(await fetchText(video.stream_url!))[0]!;
    const oldVariant = await fetchText(oldVariantUrl);
    const oldKeyUrl = keyUri(oldVariant);
    const old = await env.t.db
      .selectFrom('media_files')
      .selectAll()
      .where('id', '=', video.id)
      .executeTakeFirstOrThrow();

    expect(await rotateKeys(deps)).toMatchObject({ failed: [] });
    // The grace period ends; no cleanup runs, so every old file stays where it was.
    await env.t.db
      .updateTable('retired_generations')
      .set({ retire_after: new Date(Date.now() - 1000) })
      .where('media_id', '=', video.id)
      .where('generation', '=', old.generation)
      .execute();
    await fs.access(path.join(env.assetsDir, old.asset_dir!));
    expect((await env.keyStore.get(old.hls_key_id!))?.retiredAt).toBeNull();

    for (const url of [oldVariantUrl, oldKeyUrl, ...uris(oldVariant)]) {
      const response = await fetch(`${base}${url}`);
      expect(response.status, url).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code, url).toBe('MEDIA_001');
    }
    // The current generation is untouched.
    const newVariantUrl = uris(await fetchText((await library()).find((i) => i.id === video.id)!.stream_url!))[0]!;
    expect(newVariantUrl).toMatch(new RegExp(`/g${old.generation + 1}/`));
    const newVariant = await fetchText(newVariantUrl);
    expect((await fetch(`${base}${keyUri(newVariant)}`)).status).toBe(200);
    expect((await fetch(`${base}${uris(newVariant)[0]}`)).status).toBe(200);
  });
});
