import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queueAdmin, type QueueJob } from '@keepsake/database';
import { createProcessingEnv, generateVideo, runTool, waitFor, type ProcessingEnv } from '@keepsake/testkit';
import type { Processor } from './createProcessor.js';
import { makePrivateTemp, privateTempRoot, sweepPrivateTemp } from './startup/privateTemp.js';

/**
 * Files that are not media but name other files: if ffmpeg followed them, a video from
 * outside imports/ (or one parked in imports/failed/, which is never scanned) would be
 * published. Each must end as MEDIA_004 with nothing read from what it names.
 */
let env: ProcessingEnv;
let processor: Processor;
let work: string;
const jobs = new Map<string, QueueJob>();

const drop = (name: string) => path.join(env.importsDir, name);
const hostile = [
  { name: 'holiday.mp4', error: /hls file/ },
  { name: 'holiday-parked.mp4', error: /hls file/ },
  { name: 'manifest.mp4', error: /dash file|not a photo or video/ },
  { name: 'list.mp4', error: /concat file/ },
  { name: 'list-parked.mp4', error: /concat file/ },
  { name: 'into-failed.mp4', error: /into the failed folder/ },
];

async function settled(names: string[]): Promise<boolean> {
  for (const row of await env.t.db.selectFrom('processing_queue').selectAll().execute()) jobs.set(row.path, row);
  return names.every((name) => ['completed', 'failed'].includes(jobs.get(name)?.status ?? ''));
}

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-references-'));
  const secretMp4 = await generateVideo({ file: path.join(work, 'secret.mp4'), width: 320, height: 240, seconds: 2 });
  const secretTs = path.join(work, 'secret.ts');
  await runTool('ffmpeg', ['-v', 'error', '-i', secretMp4, '-c', 'copy', '-f', 'mpegts', secretTs]);

  // Parked in failed/ (never scanned): a link to the outside video, and a real video.
  await fs.mkdir(drop('failed'), { recursive: true });
  await fs.symlink(secretTs, drop('failed/parked.ts'));
  await fs.symlink(secretMp4, drop('failed/parked.mp4'));
  await fs.copyFile(secretMp4, drop('failed/real.mp4'));

  const playlist = (segment: string) =>
    `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n${segment}\n#EXT-X-ENDLIST\n`;
  await fs.writeFile(drop('holiday.mp4'), playlist(secretTs));
  await fs.writeFile(drop('holiday-parked.mp4'), playlist('failed/parked.ts'));
  await fs.writeFile(
    drop('manifest.mp4'),
    `<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT2S">` +
      `<Period><AdaptationSet mimeType="video/mp4"><Representation id="1" bandwidth="100000">` +
      `<BaseURL>file:${secretMp4}</BaseURL></Representation></AdaptationSet></Period></MPD>\n`,
  );
  await fs.writeFile(drop('list.mp4'), `ffconcat version 1.0\nfile 'file:${secretMp4}'\n`);
  await fs.writeFile(drop('list-parked.mp4'), `ffconcat version 1.0\nfile failed/parked.mp4\n`);
  await fs.symlink(drop('failed/real.mp4'), drop('into-failed.mp4'));

  processor = env.processor();
  await processor.start();
  await waitFor('the hostile files to be settled', () => settled(hostile.map((h) => h.name)), 120_000);
}, 180_000);

afterAll(async () => {
  await processor?.stop(0);
  await env?.close();
  await fs.rm(work, { recursive: true, force: true });
});

describe.each(hostile)('$name', ({ name, error }) => {
  test('ends as MEDIA_004 with a clear reason, the file kept in imports/failed/', async () => {
    const job = jobs.get(name)!;
    expect(job).toMatchObject({ status: 'failed', error_code: 'MEDIA_004', failed_path: `failed/${name}` });
    expect(job.error).toMatch(error);
    await expect(fs.lstat(drop(`failed/${name}`))).resolves.toBeTruthy();
    expect(await fs.readFile(drop(`failed/${name}.error.txt`), 'utf8')).toContain('MEDIA_004');
  });
});

test('a failed file swapped for a link out of imports/ and retried is refused, not read', async () => {
  const job = jobs.get('holiday.mp4')!;
  await fs.rm(drop('failed/holiday.mp4'));
  await fs.symlink(path.join(work, 'secret.mp4'), drop('failed/holiday.mp4'));
  await queueAdmin.retryFailedJob(env.t.db, job.id);
  const retried = await waitFor('the retry to fail', async () => {
    const row = await env.t.db.selectFrom('processing_queue').selectAll().where('id', '=', job.id).executeTakeFirst();
    return row?.status === 'failed' && row.attempts > 0 ? row : undefined;
  });
  expect(retried).toMatchObject({ error_code: 'MEDIA_004' });
  expect(retried.error).toMatch(/outside the imports folder/);
});

test('nothing was published: no item, no asset', async () => {
  const items = await env.t.db.selectFrom('media_files').select(['original_name', 'status']).execute();
  expect(items.filter((item) => item.status === 'completed')).toEqual([]);
  const files = await fs.readdir(env.assetsDir, { recursive: true });
  expect(files.filter((f) => !f.startsWith('.staging'))).toEqual([]);
});

test("temporary files live in the processor's private folder, and a stopped processor's are swept", async () => {
  const mine = await makePrivateTemp('probe');
  expect((await fs.stat(privateTempRoot)).mode & 0o777).toBe(0o700);
  expect(mine.startsWith(privateTempRoot + path.sep)).toBe(true);
  // A folder of a process that no longer runs (pid far above any live one here).
  const dead = path.join(privateTempRoot, '4000000');
  await fs.mkdir(path.join(dead, 'hlskey-x'), { recursive: true });
  await fs.writeFile(path.join(dead, 'hlskey-x', 'video.key'), 'k');
  expect(await sweepPrivateTemp()).toContain('4000000');
  await expect(fs.access(dead)).rejects.toThrow();
  await expect(fs.access(mine)).resolves.toBeUndefined();
  await fs.rm(mine, { recursive: true });
});
