import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createProcessingEnv, generateVideo, startProcessorCli, waitFor, type ProcessingEnv } from '@keepsake/testkit';

let env: ProcessingEnv;
beforeAll(async () => {
  env = await createProcessingEnv({ workers: 1 });
});
afterAll(async () => env?.close());

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

test('SIGKILL in the middle of a video, then a restart: the item completes, nothing half-published, original kept', async () => {
  // Long enough at 720p that the kill lands during the transcode.
  const file = await generateVideo({
    file: path.join(env.importsDir, 'holiday.mp4'),
    width: 1280,
    height: 720,
    seconds: 20,
    fps: 15,
  });
  const originalHash = sha256(await fs.readFile(file));

  const first = startProcessorCli(env.env, ['--once', '--lease-seconds', '2']);
  await waitFor(
    'the transcode to be under way',
    async () => {
      const job = await env.t.db.selectFrom('processing_queue').selectAll().executeTakeFirst();
      return job?.stage === 'transcoding' && (job.progress ?? 0) > 5;
    },
    120_000,
    50,
  );
  first.killHard();
  expect((await first.exited).signal).toBe('SIGKILL');

  // Killed: the job is still claimed, the item not in the gallery, the original where it was.
  const stuck = await env.t.db.selectFrom('processing_queue').selectAll().executeTakeFirstOrThrow();
  expect(stuck.status).toBe('processing');
  const item = await env.t.db.selectFrom('media_files').selectAll().executeTakeFirstOrThrow();
  expect(item.status).not.toBe('completed');
  expect(sha256(await fs.readFile(file))).toBe(originalHash);
  expect(await fs.readdir(path.join(env.assetsDir, '.staging'))).toHaveLength(1);
  await expect(fs.access(path.join(env.assetsDir, 'videos', item.id))).rejects.toThrow();

  const second = startProcessorCli(env.env, ['--once', '--lease-seconds', '2']);
  const { code } = await second.exited;
  expect(second.stderr()).toBe('');
  expect(code).toBe(0);

  const job = await env.t.db.selectFrom('processing_queue').selectAll().executeTakeFirstOrThrow();
  expect(job).toMatchObject({ status: 'completed', attempts: 2 });
  const done = await env.t.db.selectFrom('media_files').selectAll().executeTakeFirstOrThrow();
  expect(done).toMatchObject({ id: item.id, status: 'completed' });
  expect(done.variants.map((v) => v.name)).toEqual(['720p', '480p', '360p']);
  // One key per purpose even though two runs worked on it.
  const keys = await env.t.db
    .selectFrom('encryption_keys')
    .select(['purpose'])
    .where('media_id', '=', item.id)
    .execute();
  expect(keys.map((k) => k.purpose).sort()).toEqual(['hls', 'storage']);
  expect(sha256(await env.openSealed(done.original_path!))).toBe(originalHash);
  expect(await fs.readdir(path.join(env.assetsDir, '.staging'))).toEqual([]);
  expect(await fs.readdir(env.importsDir)).toEqual([]);
}, 240_000);
