import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MediaFile, QueueJob } from '@keepsake/database';
import {
  containerSamples,
  createProcessingEnv,
  fixtureFile,
  writeContainerSample,
  type ProcessingEnv,
} from '@keepsake/testkit';

// Real-world files (../shared/fixtures/media/video) and the other household containers, all the
// way through the pipeline: the container allow-list and the forced demuxer must not cost any.
const fixtures = [
  '20240128_120909.mp4',
  'bbb_prog_10s.mp4',
  'ed_hevc.mp4',
  'fire2.mp4',
  'hevc.mp4',
  'stereo_spatial.mp4',
  'train.mov',
  'transparent.webm',
];
const samples = containerSamples.filter((s) => !/\.(mp4|mov|mkv|webm)$/.test(s.name));

let env: ProcessingEnv;
const jobs = new Map<string, QueueJob>();
const items = new Map<string, MediaFile>();

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  await fs.mkdir(path.join(env.importsDir, 'fixtures'));
  await Promise.all([
    ...fixtures.map((name) => fs.copyFile(fixtureFile(`video/${name}`), path.join(env.importsDir, 'fixtures', name))),
    ...samples.map((sample) => writeContainerSample(path.join(env.importsDir, 'containers'), sample)),
  ]);
  await env.processor().runOnce();
  for (const job of await env.t.db.selectFrom('processing_queue').selectAll().execute()) jobs.set(job.path, job);
  for (const item of await env.t.db.selectFrom('media_files').selectAll().execute()) {
    items.set(item.original_name, item);
  }
}, 300_000);

afterAll(async () => env?.close());

test.each([...fixtures.map((f) => `fixtures/${f}`), ...samples.map((s) => `containers/${s.name}`)])(
  '%s is published as a playable video',
  async (file) => {
    expect(jobs.get(file)).toMatchObject({ status: 'completed', error: null });
    const item = items.get(path.basename(file))!;
    expect(item).toMatchObject({ status: 'completed', type: 'video' });
    expect(await env.openFile(item.playlist_path!)).toContain('#EXT-X-STREAM-INF');
  },
);
