import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessingEnv, generateVideo, srtText, type ProcessingEnv } from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn, type SignedIn } from '../../testing/testUsers.js';

/** A video with a sidecar .srt, processed for real, played through the real app. */
describe('subtitle tracks', () => {
  let env: ProcessingEnv;
  let h: TestApp;
  let member: SignedIn;
  let mediaId: string;

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    await createTestUser(env.t.db, 'mum', 'admin');
    await generateVideo({ file: path.join(env.importsDir, 'film.mp4'), width: 160, height: 90, seconds: 2, fps: 10 });
    await fs.writeFile(
      path.join(env.importsDir, 'film.de.srt'),
      srtText([{ start: 0.5, end: 1.5, text: 'Guten Tag' }]),
    );
    await env.processor().runOnce();
    mediaId = (await env.t.db.selectFrom('media_files').select('id').executeTakeFirstOrThrow()).id;
    h = await createTestApp({ processing: env });
    member = await signIn(h.app, 'mum');
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    await env?.close();
  });

  const get = (url: string) => h.app.inject({ method: 'GET', url });
  const item = async () =>
    (await h.app.inject({ method: 'GET', url: `/api/media/${mediaId}`, headers: member.auth })).json() as {
      stream_url: string;
    };
  const uriOf = (line: string) => /URI="([^"]+)"/.exec(line)![1]!;

  async function subtitleUrls() {
    const master = await get((await item()).stream_url);
    expect(master.statusCode).toBe(200);
    const media = master.body.split('\n').find((line) => line.startsWith('#EXT-X-MEDIA:'))!;
    const playlist = await get(uriOf(media));
    expect(playlist.statusCode).toBe(200);
    const vtt = playlist.body.split('\n').find((line) => line.startsWith('/api/'))!;
    return { master: master.body, media, playlist: playlist.body, vtt };
  }

  it('lists the track in the master playlist and on every variant, off by default', async () => {
    const { master, media, playlist } = await subtitleUrls();
    expect(media).toMatch(
      /^#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="de",LANGUAGE="de",DEFAULT=NO,AUTOSELECT=NO,FORCED=NO,URI="\/api\/media\/subtitles\/[0-9a-f-]+\/1\/index\.m3u8\?t=[^"]+"$/,
    );
    const variants = master.split('\n').filter((line) => line.startsWith('#EXT-X-STREAM-INF:'));
    expect(variants.length).toBeGreaterThan(0);
    for (const line of variants) expect(line).toMatch(/,SUBTITLES="subs"$/);
    expect(master.indexOf('#EXT-X-MEDIA:')).toBeLessThan(master.indexOf('#EXT-X-STREAM-INF:'));
    expect(playlist).toMatch(
      /#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:2\.\d{3},\n\/api\/media\/subtitles\/.+\/1\/subtitles\.vtt\?t=/,
    );
    expect(playlist).toContain('#EXT-X-ENDLIST');
  });

  it('serves the WebVTT decrypted only with a valid stream token', async () => {
    const { vtt } = await subtitleUrls();
    const ok = await get(vtt);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/vtt/);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.body).toMatch(
      /^WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:\d+,LOCAL:00:00:00\.000\n\n00:00:00\.500 --> 00:00:01\.500\nGuten Tag/,
    );

    const bare = vtt.replace(/\?t=.*$/, '');
    expect([401, 403]).toContain((await get(bare)).statusCode);
    const forged = await get(
      `${bare}?t=${encodeURIComponent(vtt.split('?t=')[1]!.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')))}`,
    );
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('SEC_002');
    // A tile's token opens the thumbnail, never the subtitles.
    const thumbToken = h.app.mediaUrls.sign(member.sessionId, `thumb:${mediaId}`);
    expect((await get(`${bare}?t=${thumbToken}`)).statusCode).toBe(403);
    const missing = await get(vtt.replace('/1/subtitles.vtt', '/7/subtitles.vtt'));
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('MEDIA_001');
  });

  it('answers 404 for a trashed item and serves it again after a restore', async () => {
    const { vtt, media } = await subtitleUrls();
    const trashed = await h.app.inject({
      method: 'POST',
      url: '/api/media/trash',
      headers: member.auth,
      payload: { ids: [mediaId] },
    });
    expect(trashed.statusCode).toBeLessThan(300);
    for (const url of [vtt, uriOf(media)]) {
      const answer = await get(url);
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error.code).toBe('MEDIA_001');
    }
    await h.app.inject({
      method: 'POST',
      url: '/api/trash/restore',
      headers: member.auth,
      payload: { ids: [mediaId] },
    });
    expect((await get(vtt)).statusCode).toBe(200);
  });
});
