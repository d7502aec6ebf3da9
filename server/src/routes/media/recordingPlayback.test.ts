import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createProcessingEnv, fixtureFile, playHlsUrl, runTool, type ProcessingEnv } from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../testing/testApp.js';
import { createTestUser, signIn } from '../../testing/testUsers.js';

// A browser's MediaRecorder WebM (no duration in its header), processed by the real processor and
// played through the API by ffmpeg as the client.
let env: ProcessingEnv;
let h: TestApp;
let streamUrl: string;
let measured: number;

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 1 });
  await fs.copyFile(fixtureFile('video/no_duration.webm'), path.join(env.importsDir, 'no_duration.webm'));
  const summary = await env.processor().runOnce();
  expect(summary.completed).toBe(1);
  const video = await env.t.db.selectFrom('media_files').selectAll().executeTakeFirstOrThrow();
  measured = video.duration!;

  h = await createTestApp({ processing: env });
  await createTestUser(h.t.db, 'mum', 'admin');
  const mum = await signIn(h.app, 'mum');
  const library = await h.app.inject({ method: 'GET', url: '/api/media/library', headers: mum.auth });
  streamUrl = (library.json().items as { stream_url: string }[])[0]!.stream_url;
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  streamUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}${streamUrl}`;
}, 240_000);

afterAll(async () => {
  await h?.close();
  await env?.close();
});

it('plays in full through the API: every segment decodes, as long as the recording', async () => {
  const stderr = await playHlsUrl(streamUrl);
  expect(stderr).not.toMatch(/Error|Invalid data|decryption/i);
  const stdout = await runTool('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    streamUrl,
  ]);
  expect(measured).toBeCloseTo(4.94, 1);
  expect(Number(stdout)).toBeCloseTo(measured, 0);
});
