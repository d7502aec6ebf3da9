import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKeys } from '@keepsake/processor';
import {
  createProcessingEnv,
  generateVideo,
  playHlsUrl,
  segmentSeconds,
  writeLegacyMasterOrder,
  type ProcessingEnv,
} from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../server/src/testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../server/src/testing/testUsers.js';

interface LibraryItem {
  id: string;
  original_name: string;
  stream_url: string;
}

/**
 * Issue 12 point 3: videos made with 10 s segments (top rung listed first) before the switch
 * to 4 s segments (start rung first) keep playing beside the new ones, through the server,
 * and both survive a key rotation. ffmpeg is the player.
 */
describe('old and new HLS segment layouts side by side', () => {
  let env: ProcessingEnv;
  let h: TestApp;
  let user: SignedIn;
  let base: string;

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    // 720p at 4 fps: three rungs, cheap. Different lengths, so they are two items.
    const clip = { width: 1280, height: 720, fps: 4, audio: true };
    await generateVideo({ ...clip, seconds: 12, file: path.join(env.importsDir, 'old.mp4') });
    const old = await env.processor({ config: { ...env.config, hlsSegmentSeconds: 10 } }).runOnce();
    expect(old.completed).toBe(1);
    const oldItem = await env.t.db.selectFrom('media_files').select('playlist_path').executeTakeFirstOrThrow();
    await writeLegacyMasterOrder(path.join(env.assetsDir, oldItem.playlist_path!));

    await generateVideo({ ...clip, seconds: 13, file: path.join(env.importsDir, 'new.mp4') });
    expect((await env.processor().runOnce()).completed).toBe(1);

    h = await createTestApp({ processing: env });
    await createTestUser(h.t.db, 'mum');
    user = await signIn(h.app, 'mum');
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  }, 240_000);
  afterAll(async () => {
    await h?.close();
    await env?.close();
  });

  const streamOf = async (name: string) => {
    const { items } = (await h.app.inject({ url: '/api/media/library', headers: user.auth })).json<{
      items: LibraryItem[];
    }>();
    return items.find((item) => item.original_name === name)!.stream_url;
  };
  const fetchText = async (url: string) => {
    const response = await fetch(`${base}${url}`);
    expect(response.status, url).toBe(200);
    return response.text();
  };
  const variantUris = (master: string) => master.split('\n').filter((line) => line.startsWith('/api/'));

  /** The served layout: which variant is listed first, and each variant's segment lengths. */
  const layoutOf = async (name: string) => {
    const master = await fetchText(await streamOf(name));
    const variants = variantUris(master);
    const segments = await Promise.all(variants.map(async (uri) => segmentSeconds(await fetchText(uri))));
    return { first: /\/(\d+p)\/index\.m3u8/.exec(variants[0]!)![1], segments, master };
  };

  const expectLayouts = async () => {
    const old = await layoutOf('old.mp4');
    expect(old.first).toBe('720p');
    for (const lengths of old.segments) expect(lengths.map(Math.round)).toEqual([10, 2]);
    const fresh = await layoutOf('new.mp4');
    expect(fresh.first).toBe('480p');
    for (const lengths of fresh.segments) expect(lengths.map(Math.round)).toEqual([4, 4, 4, 1]);
    // ffmpeg fetches the master, every variant, key and segment, and decodes them all.
    for (const name of ['old.mp4', 'new.mp4']) expect(await playHlsUrl(`${base}${await streamOf(name)}`)).toBe('');
  };

  it('plays both layouts, before and after a key rotation', async () => {
    await expectLayouts();
    const summary = await rotateKeys({
      db: env.t.db,
      keyStore: env.keyStore,
      assetsDir: env.assetsDir,
      graceHours: 24,
      logger: pino({ level: 'silent' }),
    });
    expect(summary).toMatchObject({ rotated: 2, failed: [] });
    expect(variantUris((await layoutOf('old.mp4')).master)[0]).toMatch(/\/g2\//);
    expect(variantUris((await layoutOf('new.mp4')).master)[0]).toMatch(/\/g2\//);
    await expectLayouts();
  });
});
