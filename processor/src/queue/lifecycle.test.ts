import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { channelName, createRedis } from '@keepsake/platform';
import { createProcessingEnv, generateImage, generateVideo, waitFor, type ProcessingEnv } from '@keepsake/testkit';
import { heartbeatKey, PROGRESS_CHANNEL, type ProgressMessage as ProgressEvent } from '@keepsake/contracts';

let env: ProcessingEnv;
beforeAll(async () => {
  env = await createProcessingEnv({ workers: 1 });
});
afterAll(async () => env?.close());
beforeEach(async () => {
  await env.t.db.deleteFrom('processing_queue').execute();
});

test('progress goes out on Redis and into the queue row; the heartbeat is there while running', async () => {
  await generateVideo({ file: path.join(env.importsDir, 'progress.mp4'), width: 320, height: 240, seconds: 2 });
  const subscriber = createRedis({ redisUrl: env.config.redisUrl, prefix: env.redisPrefix });
  const events: ProgressEvent[] = [];
  await subscriber.subscribe(channelName(env.redisPrefix, PROGRESS_CHANNEL));
  subscriber.on('message', (_channel, message: string) => events.push(JSON.parse(message) as ProgressEvent));
  const heartbeats: (string | null)[] = [];
  const processor = env.processor({
    workerId: 'progress-test',
    onEvent: () => void env.redis.get(heartbeatKey('progress-test')).then((v) => heartbeats.push(v)),
  });
  await processor.runOnce();
  await waitFor('the completed event', () => events.some((e) => e.status === 'completed'));
  await subscriber.quit();

  expect(events[0]).toMatchObject({ status: 'queued', file: 'progress.mp4', stage: 'queued', mediaId: null });
  const stages = new Set(events.filter((e) => e.status === 'processing').map((e) => e.stage));
  expect([...stages]).toEqual(expect.arrayContaining(['hashing', 'detecting', 'transcoding', 'publishing']));
  const done = events.at(-1)!;
  expect(done).toMatchObject({ status: 'completed', percent: 100, file: 'progress.mp4' });
  expect(done.mediaId).toMatch(/^[0-9a-f-]{36}$/);
  const percents = events.filter((e) => e.stage === 'transcoding').map((e) => e.percent);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  const beat = JSON.parse(heartbeats.find(Boolean)!) as Record<string, unknown>;
  expect(beat).toMatchObject({
    pid: process.pid,
    host: expect.any(String),
    startedAt: expect.any(String),
    at: expect.any(String),
  });
  expect(await env.redis.ttl(heartbeatKey('progress-test'))).toBe(-2);
  const job = await env.t.db.selectFrom('processing_queue').selectAll().executeTakeFirstOrThrow();
  expect(job).toMatchObject({ status: 'completed', stage: 'completed', progress: 100 });
});

test('the same content dropped twice is processed once', async () => {
  const first = await generateImage({
    file: path.join(env.importsDir, 'one.jpg'),
    width: 90,
    height: 60,
    format: 'jpeg',
  });
  await fs.copyFile(first, path.join(env.importsDir, 'copy-of-one.jpg'));
  const summary = await env.processor().runOnce();
  expect([summary.completed, summary.duplicates]).toEqual([1, 1]);
  const items = await env.t.db
    .selectFrom('media_files')
    .selectAll()
    .where('original_name', 'in', ['one.jpg', 'copy-of-one.jpg'])
    .execute();
  expect(items).toHaveLength(1);
  const jobs = await env.t.db.selectFrom('processing_queue').selectAll().execute();
  expect(new Set(jobs.map((j) => j.media_id))).toEqual(new Set([items[0]!.id]));
  expect(jobs.map((j) => j.stage).sort()).toEqual(['completed', 'duplicate']);
  expect(await fs.readdir(env.importsDir)).toEqual([]);
});

test('a failed file retried by the admin is taken from imports/failed/', async () => {
  await fs.writeFile(path.join(env.importsDir, 'fixed-later.jpg'), 'not yet a picture');
  expect((await env.processor().runOnce()).failed).toBe(1);
  const failed = await env.t.db.selectFrom('processing_queue').selectAll().executeTakeFirstOrThrow();
  expect(failed.failed_path).toBe('failed/fixed-later.jpg');
  // The admin replaces the file and presses retry (status queued, attempts 0, run_after now()).
  await generateImage({
    file: path.join(env.importsDir, 'failed', 'fixed-later.jpg'),
    width: 64,
    height: 64,
    format: 'jpeg',
  });
  await env.t.db
    .updateTable('processing_queue')
    .set({ status: 'queued', attempts: 0, run_after: new Date() })
    .where('id', '=', failed.id)
    .execute();
  const summary = await env.processor().runOnce();
  expect(summary.completed).toBe(1);
  const job = await env.t.db
    .selectFrom('processing_queue')
    .selectAll()
    .where('id', '=', failed.id)
    .executeTakeFirstOrThrow();
  expect(job.status).toBe('completed');
  const item = await env.t.db
    .selectFrom('media_files')
    .selectAll()
    .where('id', '=', job.media_id!)
    .executeTakeFirstOrThrow();
  expect(item).toMatchObject({ status: 'completed', original_name: 'fixed-later.jpg' });
  expect(await fs.readdir(path.join(env.importsDir, 'failed'))).toEqual([]);
});

test('SIGTERM-style stop: no new claims, a running conversion is stopped and its file goes back to the queue', async () => {
  await generateVideo({
    file: path.join(env.importsDir, 'interrupted.mp4'),
    width: 1280,
    height: 720,
    seconds: 20,
    fps: 10,
  });
  const processor = env.processor();
  await processor.start();
  await waitFor(
    'the transcode to start',
    async () =>
      (await env.t.db.selectFrom('processing_queue').select('stage').executeTakeFirst())?.stage === 'transcoding',
    60_000,
    50,
  );
  const summary = await processor.stop(0);
  expect(summary.results.at(-1)?.outcome).toEqual({ kind: 'released', reason: 'shutdown' });
  const job = await env.t.db.selectFrom('processing_queue').selectAll().executeTakeFirstOrThrow();
  expect(job).toMatchObject({ status: 'queued', attempts: 0, worker_id: null });
  await fs.access(path.join(env.importsDir, 'interrupted.mp4'));
  expect(await fs.readdir(path.join(env.assetsDir, '.staging'))).toEqual([]);
  await fs.rm(path.join(env.importsDir, 'interrupted.mp4'));
});

test('with KEEP_ORIGINALS=false the original is deleted, not kept', async () => {
  const config = { ...env.config, keepOriginals: false };
  await generateImage({ file: path.join(env.importsDir, 'not-kept.png'), width: 50, height: 40, format: 'png' });
  expect((await env.processor({ config }).runOnce()).completed).toBe(1);
  const item = await env.t.db
    .selectFrom('media_files')
    .selectAll()
    .where('original_name', '=', 'not-kept.png')
    .executeTakeFirstOrThrow();
  expect(item.original_path).toBeNull();
  await expect(fs.access(path.join(env.assetsDir, 'originals', item.id))).rejects.toThrow();
  expect(await fs.readdir(env.importsDir)).not.toContain('not-kept.png');
});

test('with WATCH_POLLING the folder is polled, and a dropped file is still picked up', async () => {
  const processor = env.processor({ config: { ...env.config, watchPolling: true } });
  await processor.start();
  try {
    await generateImage({
      file: path.join(env.importsDir, 'polled', 'seen.png'),
      width: 30,
      height: 20,
      format: 'png',
    });
    await waitFor('the polled file to be processed', async () => {
      const item = await env.t.db
        .selectFrom('media_files')
        .select('status')
        .where('original_name', '=', 'seen.png')
        .executeTakeFirst();
      return item?.status === 'completed';
    });
  } finally {
    await processor.stop(0);
  }
});
