import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queueAdmin, type QueueJob } from '@keepsake/database';
import {
  createProcessingEnv,
  generateImage,
  generateVideo,
  waitFor,
  writeConcatList,
  writeDashManifest,
  writeHlsPlaylist,
  writePngBomb,
  type ProcessingEnv,
} from '@keepsake/testkit';
import type { Processor } from './createProcessor.js';

let env: ProcessingEnv;
let processor: Processor;
let outside: string;
let work: string;
const jobs = new Map<string, QueueJob>();

const hostile = [
  { name: 'zero-bytes.jpg', error: /empty/ },
  { name: 'truncated.mp4', error: /not a photo or video|cannot|no duration/ },
  { name: 'text-named.mp4', error: /not a photo or video/ },
  { name: 'corrupt-body.jpg', error: /cannot be decoded/ },
  { name: 'bomb-30000x30000.png', error: /too large/ },
  { name: 'link-outside', error: /outside the imports folder/ },
  // Text that names other files: ffmpeg would read (and Keepsake publish) the media they name.
  { name: 'holiday.mp4', error: /HLS playlist/ },
  { name: 'manifest.mp4', error: /DASH manifest/ },
  { name: 'concat-via-failed.mp4', error: /concat list/ },
  { name: 'link-into-failed.mp4', error: /into the failed folder/ },
];

/** Failed text files whose kept copy in failed/ is swapped for a symlink, then retried. */
const parkedLinks = [
  { name: 'retried-into-failed.mp4', target: () => path.join(env.importsDir, 'failed', 'parked-inside.mp4') },
  { name: 'retried-outside.mp4', target: () => path.join(work, 'outside.mp4') },
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
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-hostile-'));
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

  // A real video outside imports/, and things in imports/ that point at it.
  const video = await generateVideo({ file: path.join(work, 'outside.mp4'), width: 320, height: 240, seconds: 2 });
  await writeHlsPlaylist({ file: drop('holiday.mp4'), video, pieces: path.join(work, 'hls') });
  await writeDashManifest({ file: drop('manifest.mp4'), video, pieces: path.join(work, 'dash') });
  // failed/ is never scanned, so whatever is parked there is never checked by the watcher.
  await fs.mkdir(drop('failed'), { recursive: true });
  await fs.symlink(video, drop('failed/parked-outside.mp4'));
  await generateVideo({ file: drop('failed/parked-inside.mp4'), width: 256, height: 144, seconds: 2 });
  await writeConcatList(drop('concat-via-failed.mp4'), [{ file: 'failed/parked-outside.mp4', seconds: 2 }]);
  await fs.symlink(drop('failed/parked-inside.mp4'), drop('link-into-failed.mp4'));
  for (const { name } of parkedLinks) await fs.writeFile(drop(name), 'Not a video; soon a symlink.\n');

  const names = [...hostile, ...parkedLinks].map((h) => h.name);
  await waitFor('the hostile files to be settled', () => allSettled(names), 120_000);
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

describe.each(parkedLinks)('$name, failed, swapped in failed/ for a symlink and retried', ({ name, target }) => {
  test('fails again as MEDIA_004, the symlink kept in imports/failed/', async () => {
    const kept = path.join(env.importsDir, 'failed', name);
    await fs.rm(kept);
    await fs.symlink(target(), kept);
    const { id } = jobs.get(name)!;
    expect(await queueAdmin.retryFailedJob(env.t.db, id)).toBeDefined();
    const job = await waitFor('the retried job to settle', async () => {
      const row = await queueAdmin.findQueueJob(env.t.db, id);
      const settled = row?.status === 'failed' || row?.status === 'completed';
      return settled && row.attempts > 0 ? row : undefined;
    });
    expect(job).toMatchObject({ status: 'failed', error_code: 'MEDIA_004', failed_path: `failed/${name}` });
    expect(job.error).toMatch(/symlink points (into the failed folder|outside the imports folder)/);
    expect((await fs.lstat(kept)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(`${kept}.error.txt`, 'utf8')).toContain('MEDIA_004');
  });
});

test('no media item was made from any hostile file', async () => {
  const items = await env.t.db.selectFrom('media_files').select(['original_name', 'status']).execute();
  expect(items.filter((item) => item.status !== 'failed')).toEqual([]);
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
