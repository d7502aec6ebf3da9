import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProcessingEnv, generateVideo, type ProcessingEnv } from '@keepsake/testkit';

let env: ProcessingEnv;
beforeAll(async () => {
  // 0.05 min = 3 s: far less than this 1080p clip's ladder takes here.
  env = await createProcessingEnv({ workers: 1, jobTimeoutMinutes: 0.05 });
});
afterAll(async () => env?.close());

function ffmpegRunningOn(name: string): boolean {
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').some((line) => line.startsWith('ffmpeg') && line.includes(name));
}

test('a job over its time limit has its ffmpeg killed, is retried with backoff, then fails for good', async () => {
  const name = 'too-slow-4c1d.mp4';
  await generateVideo({ file: path.join(env.importsDir, name), width: 1920, height: 1080, seconds: 30, fps: 10 });
  const summary = await env.processor({ retryBaseSeconds: 0.5 }).runOnce();
  const retries = summary.results.filter((r) => r.outcome.kind === 'retrying');
  expect(retries).toHaveLength(2);
  const delays = retries.map((r) => (r.outcome.kind === 'retrying' ? r.outcome.inSeconds : 0));
  expect(delays[1]).toBeGreaterThan(delays[0]!);
  expect(summary.failed).toBe(1);

  const job = await env.t.db.selectFrom('processing_queue').selectAll().executeTakeFirstOrThrow();
  expect(job).toMatchObject({
    status: 'failed',
    attempts: 3,
    max_attempts: 3,
    error_code: 'MEDIA_005',
    failed_path: `failed/${name}`,
  });
  expect(job.error).toMatch(/longer than 0.05 min/);
  expect(ffmpegRunningOn(name)).toBe(false);
  await fs.access(path.join(env.importsDir, 'failed', name));
  expect(await fs.readdir(path.join(env.assetsDir, '.staging'))).toEqual([]);
  const item = await env.t.db.selectFrom('media_files').selectAll().executeTakeFirstOrThrow();
  expect(item).toMatchObject({ status: 'failed', error_code: 'MEDIA_005' });
}, 180_000);
