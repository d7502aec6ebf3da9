import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { QueueJob } from '@keepsake/database';
import {
  createProcessingEnv,
  generateImage,
  generateVideo,
  waitFor,
  writePngBomb,
  type ProcessingEnv,
} from '@keepsake/testkit';
import type { Processor } from './createProcessor.js';

let env: ProcessingEnv;
let processor: Processor;
let outside: string;
const jobs = new Map<string, QueueJob>();

const hostile = [
  { name: 'zero-bytes.jpg', error: /empty/ },
  { name: 'truncated.mp4', error: /not a photo or video|cannot|no duration/ },
  { name: 'text-named.mp4', error: /not a photo or video/ },
  { name: 'corrupt-body.jpg', error: /cannot be decoded/ },
  { name: 'bomb-30000x30000.png', error: /too large/ },
  { name: 'link-outside', error: /outside the imports folder/ },
];

async function allSettled(names: string[]): Promise<boolean> {
  const rows = await env.t.db.selectFrom('processing_queue').selectAll().execute();
  for (const row of rows) jobs.set(row.path, row);
  return names.every((name) => ['completed', 'failed'].includes(jobs.get(name)?.status ?? ''));
}

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  processor = env.processor();
  await processor.start();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-hostile-'));
  outside = path.join(work, 'secret.txt');
  await fs.writeFile(outside, 'not for the gallery');

  const drop = (name: string) => path.join(env.importsDir, name);
  await fs.writeFile(drop('zero-bytes.jpg'), '');
  const mp4 = await generateVideo({ file: path.join(work, 'whole.mp4'), width: 320, height: 240, seconds: 2 });
  const whole = await fs.readFile(mp4);
  await fs.writeFile(drop('truncated.mp4'), whole.subarray(0, Math.floor(whole.length / 2)));
  await fs.writeFile(drop('text-named.mp4'), 'This is a shopping list, not a video.\n'.repeat(50));
  const jpeg = await fs.readFile(
    await generateImage({ file: path.join(work, 'ok.jpg'), width: 400, height: 300, format: 'jpeg' }),
  );
  const corrupt = Buffer.from(jpeg);
  randomBytes(Math.floor(jpeg.length * 0.3)).copy(corrupt, Math.floor(jpeg.length * 0.4));
  await fs.writeFile(drop('corrupt-body.jpg'), corrupt);
  await writePngBomb(path.join(work, 'bomb.png'));
  await fs.rename(path.join(work, 'bomb.png'), drop('bomb-30000x30000.png'));
  await fs.symlink(outside, drop('link-outside'));
  await waitFor('the hostile files to be settled', () => allSettled(hostile.map((h) => h.name)), 120_000);
}, 180_000);

afterAll(async () => {
  await processor?.stop(0);
  await env?.close();
});

describe.each(hostile)('$name', ({ name, error }) => {
  test('ends failed with a clear error, the original kept in imports/failed/', async () => {
    const job = jobs.get(name)!;
    expect(job).toMatchObject({ status: 'failed', error_code: 'MEDIA_004', failed_path: `failed/${name}` });
    expect(job.error).toMatch(error);
    const kept = await fs.lstat(path.join(env.importsDir, 'failed', name));
    expect(kept.isFile() || kept.isSymbolicLink()).toBe(true);
    const note = await fs.readFile(path.join(env.importsDir, 'failed', `${name}.error.txt`), 'utf8');
    expect(note).toContain('MEDIA_004');
    await expect(fs.access(path.join(env.importsDir, name))).rejects.toThrow();
  });
});

test('nothing of the outside file was read into assets/', async () => {
  const files = await fs.readdir(env.assetsDir, { recursive: true });
  expect(files.filter((f) => !f.startsWith('.staging'))).toEqual([]);
  expect(await fs.readFile(outside, 'utf8')).toBe('not for the gallery');
});

test('the processor keeps running, and a file still being written is only picked up once complete', async () => {
  const jpeg = await fs.readFile(
    await generateImage({
      file: path.join(os.tmpdir(), `${randomBytes(4).toString('hex')}.jpg`),
      width: 1200,
      height: 900,
      format: 'jpeg',
    }),
  );
  const target = path.join(env.importsDir, 'slow-copy.jpg');
  const handle = await fs.open(target, 'w');
  const pieces = 8;
  const piece = Math.ceil(jpeg.length / pieces);
  for (let i = 0; i < pieces; i++) {
    await handle.write(jpeg.subarray(i * piece, (i + 1) * piece));
    await sleep(120);
  }
  await handle.close();
  const job = await waitFor('the slow copy to be processed', async () => {
    const rows = await env.t.db
      .selectFrom('processing_queue')
      .selectAll()
      .where('path', '=', 'slow-copy.jpg')
      .execute();
    return rows.length > 0 && rows.every((r) => r.status === 'completed' || r.status === 'failed') ? rows : undefined;
  });
  // One job, for the whole file: never one for a half-written version.
  expect(job).toHaveLength(1);
  expect(job[0]).toMatchObject({ status: 'completed', size: jpeg.length });
  await expect(fs.access(target)).rejects.toThrow();
});
