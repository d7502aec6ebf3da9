import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProcessingEnv, generateImage, startProcessorCli, waitFor, type ProcessingEnv } from '@keepsake/testkit';

let env: ProcessingEnv;
beforeAll(async () => {
  env = await createProcessingEnv({ workers: 1 });
});
afterAll(async () => env?.close());

test('npm run start:processor watches imports/, keeps a heartbeat, and stops cleanly on SIGTERM', async () => {
  // A setting of the design document that Keepsake does not read is named at start, never its value.
  const run = startProcessorCli({ ...env.env, LOG_LEVEL: 'info', MAX_WORKERS: '7-never-logged' }, [], 'main');
  const beat = await waitFor('a heartbeat', async () => {
    const keys = await env.redis.keys(`${env.redisPrefix}processor:heartbeat:*`);
    return keys[0];
  });
  await generateImage({ file: path.join(env.importsDir, 'dropped.png'), width: 40, height: 30, format: 'png' });
  await waitFor('the dropped file to be processed', async () => {
    const item = await env.t.db.selectFrom('media_files').select('status').executeTakeFirst();
    return item?.status === 'completed';
  });
  const healthy = startProcessorCli(env.env, [], 'healthcheck');
  expect((await healthy.exited).code).toBe(0);
  run.child.kill('SIGTERM');
  const { code } = await run.exited;
  expect(code).toBe(0);
  expect(run.stderr()).toBe('');
  // pino JSON lines: the file, its stage and how long it took.
  const lines = run
    .stdout()
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toContainEqual(
    expect.objectContaining({ file: 'dropped.png', stage: 'completed', durationMs: expect.any(Number) }),
  );
  expect(lines).toContainEqual(expect.objectContaining({ msg: 'processor stopped' }));
  expect(lines).toContainEqual(expect.objectContaining({ level: 40, setting: 'MAX_WORKERS', use: 'WORKERS' }));
  expect(run.stdout()).not.toContain('7-never-logged');
  expect(await env.redis.exists(beat.slice(env.redisPrefix.length))).toBe(0);
  const unhealthy = startProcessorCli(env.env, [], 'healthcheck');
  expect((await unhealthy.exited).code).toBe(1);
});
