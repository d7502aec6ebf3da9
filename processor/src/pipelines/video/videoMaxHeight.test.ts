import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProcessingEnv, generateVideo, type ProcessingEnv } from '@keepsake/testkit';

let env: ProcessingEnv;

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 1, env: { VIDEO_MAX_HEIGHT: '720' } });
  // A still scene at two frames a second: the cheapest 1080p source there is.
  const spec = { width: 1920, height: 1080, seconds: 2, fps: 2, still: true, audio: false };
  await generateVideo({ ...spec, file: path.join(env.importsDir, 'full-hd.mp4') });
  await env.processor().runOnce();
}, 120_000);

afterAll(async () => env?.close());

test('VIDEO_MAX_HEIGHT=720 tops a 1080p source at 720p, in the master playlist too', async () => {
  const item = await env.t.db.selectFrom('media_files').selectAll().executeTakeFirstOrThrow();
  expect(item.status).toBe('completed');
  expect(item.variants.map((v) => v.name)).toEqual(['720p', '480p', '360p']);
  const master = await env.openFile(item.playlist_path!);
  expect(master).toContain('RESOLUTION=1280x720');
  expect(master).not.toMatch(/RESOLUTION=1920x1080/);
});
