import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelName, createRedis } from '@keepsake/platform';
import { freePort } from '@keepsake/testkit';
import { LiveSessions } from '../sessions/LiveSessions.js';
import { revokeUserSessions } from '../sessions/revokeUserSessions.js';
import { createTestApp, type TestApp } from '../testing/testApp.js';
import { testRedisUrl } from '../testing/testRedis.js';
import { createTestUser, signIn } from '../testing/testUsers.js';

/** Reads a Server-Sent Events stream as text, as the web app's fetch reader does. */
function openStream(port: number, authorization: string) {
  let text = '';
  let ended = false;
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  const request = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { authorization } });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        notify();
      });
      res.on('end', () => {
        ended = true;
        notify();
      });
      resolve(res);
    });
    request.on('error', reject);
  });
  const until = async (predicate: (text: string) => boolean) => {
    while (!predicate(text)) {
      if (ended) throw new Error(`stream ended before the expected text arrived: ${text}`);
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  return { response, until, text: () => text, ended: () => ended, close: () => request.destroy() };
}

describe('GET /api/events', () => {
  let h: TestApp;
  let port: number;
  beforeAll(async () => {
    h = await createTestApp();
    await createTestUser(h.t.db, 'mum');
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    port = (h.app.server.address() as AddressInfo).port;
  });
  afterAll(() => h.close());

  it('relays the processor progress channel to every open stream, and announces finished items', async () => {
    const session = await signIn(h.app, 'mum');
    const first = openStream(port, session.auth.authorization);
    const second = openStream(port, session.auth.authorization);
    const res = await first.response;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await first.until((t) => t.includes(': connected'));
    await second.until((t) => t.includes(': connected'));

    const publisher = createRedis({ redisUrl: testRedisUrl, prefix: '' });
    const channel = channelName(h.redis.prefix, 'processing:progress');
    const progress = {
      jobId: 7,
      mediaId: null,
      file: 'beach.mp4',
      stage: 'transcode',
      percent: 40,
      status: 'processing',
    };
    const done = { ...progress, mediaId: '3f1c2d4e-0000-4000-8000-000000000001', percent: 100, status: 'completed' };
    await publisher.publish(channel, JSON.stringify(progress));
    await publisher.publish(channel, 'not json');
    await publisher.publish(channel, JSON.stringify(done));
    publisher.disconnect();

    for (const stream of [first, second]) {
      await stream.until((t) => t.includes('event: media'));
      expect(stream.text()).toContain(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`);
      expect(stream.text()).toContain(`event: progress\ndata: ${JSON.stringify(done)}\n\n`);
      expect(stream.text()).toContain(`event: media\ndata: {"id":"${done.mediaId}"}\n\n`);
    }
    // The second stays open: closing the app must end it rather than wait for it (afterAll).
    first.close();
  });

  it('ends a stream at its next keep-alive once the session is revoked, though Redis kept its entry', async () => {
    const kid = await createTestUser(h.t.db, 'kid');
    const session = await signIn(h.app, 'kid');
    const stream = openStream(port, session.auth.authorization);
    const res = await stream.response;
    await stream.until((t) => t.includes(': connected'));
    const ended = new Promise<void>((resolve) => res.once('end', resolve));
    // The revoke's Redis delete fails (nobody listens on that port): only the database knows.
    const unreachable = createRedis({ redisUrl: `redis://127.0.0.1:${await freePort()}`, prefix: h.redis.prefix });
    unreachable.on('error', () => {});
    const live = new LiveSessions(unreachable, h.app.liveSessions.idleMs, () => {});
    expect(await revokeUserSessions(h.t.db, live, kid.id, 'signed out everywhere')).toBe(1);
    unreachable.disconnect();
    expect(await h.app.liveSessions.isLive(session.sessionId)).toBe(true);
    await ended; // the keep-alive (every 15 s) asks the database too
    expect(stream.ended()).toBe(true);
  });

  it('needs a signed-in user', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/events' });
    expect(response.statusCode).toBe(401);
  });
});
