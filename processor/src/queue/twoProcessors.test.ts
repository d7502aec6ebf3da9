import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  createProcessingEnv,
  generateImage,
  generateVideo,
  startProcessorCli,
  type ProcessingEnv,
} from '@keepsake/testkit';

let env: ProcessingEnv;
beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
});
afterAll(async () => env?.close());

test('two processors on one database process 20 files, none twice', async () => {
  const files: string[] = [];
  for (let i = 0; i < 18; i++) {
    const name = `photo-${String(i).padStart(2, '0')}.jpg`;
    await generateImage({
      file: path.join(env.importsDir, 'batch', name),
      width: 320 + i * 8,
      height: 240,
      format: 'jpeg',
    });
    files.push(`batch/${name}`);
  }
  for (let i = 0; i < 2; i++) {
    const name = `clip-${i}.mp4`;
    await generateVideo({
      file: path.join(env.importsDir, 'batch', name),
      width: 320 + i * 16,
      height: 240,
      seconds: 2,
      fps: 5,
    });
    files.push(`batch/${name}`);
  }

  const runs = [startProcessorCli(env.env, ['--once']), startProcessorCli(env.env, ['--once'])];
  const exits = await Promise.all(runs.map((run) => run.exited));
  expect(exits.map((e) => e.code)).toEqual([0, 0]);

  const doneBy = runs.map((run) =>
    run
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('done'))
      .map((line) => line.replace(/^done\s+/, '')),
  );
  const all = [...doneBy[0]!, ...doneBy[1]!];
  expect(all.sort()).toEqual(files.sort());
  expect(new Set(all).size).toBe(20);

  const jobs = await env.t.db.selectFrom('processing_queue').selectAll().execute();
  expect(jobs).toHaveLength(20);
  for (const job of jobs) expect(job, job.path).toMatchObject({ status: 'completed', attempts: 1 });
  const media = await env.t.db.selectFrom('media_files').select(['status']).execute();
  expect(media).toHaveLength(20);
  expect(media.every((m) => m.status === 'completed')).toBe(true);
  const storageKeys = await env.t.db
    .selectFrom('encryption_keys')
    .select('media_id')
    .where('purpose', '=', 'storage')
    .execute();
  expect(storageKeys).toHaveLength(20);
  expect(await fs.readdir(path.join(env.importsDir, 'batch'))).toEqual([]);
}, 240_000);
