import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MediaFile } from '@keepsake/database';
import {
  createProcessingEnv,
  embedSubtitles,
  generateVideo,
  srtText,
  vttText,
  waitFor,
  type ProcessingEnv,
  type SampleCue,
} from '@keepsake/testkit';
import { rotateKeys } from '../rotation/rotateKeys.js';

// Subtitles become WebVTT tracks of their video, sealed in its folder: a .srt or .vtt dropped
// beside it (before or after it), or a text stream inside it. A damaged subtitle file fails as
// itself; the video does not.
let env: ProcessingEnv;
const drop = (name: string) => path.join(env.importsDir, name);
const cues: SampleCue[] = [
  { start: 0.5, end: 1.5, text: 'First line' },
  { start: 2, end: 2.8, text: 'Second <i>line</i>' },
];
// Each video its own content (the same bytes twice would be one item).
let made = 0;
const tiny = (file: string) => generateVideo({ file, width: 160 + 16 * made++, height: 90, seconds: 3, fps: 10 });
const videoNamed = (name: string) =>
  env.t.db
    .selectFrom('media_files')
    .selectAll()
    .where('original_name', '=', name)
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();
const tracksOf = (mediaId: string) =>
  env.t.db.selectFrom('media_subtitles').selectAll().where('media_id', '=', mediaId).orderBy('track').execute();
const jobOf = (file: string) =>
  env.t.db.selectFrom('processing_queue').selectAll().where('path', '=', file).executeTakeFirstOrThrow();
const openTrack = async (item: MediaFile, file: string) =>
  (await env.openSealed(`${item.asset_dir}/${file}`)).toString('utf8');

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 1 });
}, 60_000);

afterAll(async () => env?.close());

function expectCues(vtt: string) {
  expect(vtt).toMatch(/^WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:\d+,LOCAL:00:00:00\.000\n/);
  expect(vtt).toContain('00:00:00.500 --> 00:00:01.500\nFirst line');
  expect(vtt).toContain('00:00:02.000 --> 00:00:02.800\nSecond <i>line</i>');
}

test('a sidecar .srt with a language suffix and a .vtt become tracks of their videos, not items', async () => {
  await tiny(drop('film.mp4'));
  await fs.writeFile(drop('film.en.srt'), `\uFEFF${srtText(cues).replace(/\n/g, '\r\n')}`);
  await tiny(drop('Holiday/clip.mov'));
  await fs.writeFile(drop('Holiday/clip.vtt'), vttText(cues));
  await env.processor().runOnce();

  const film = await videoNamed('film.mp4');
  const [track] = await tracksOf(film.id);
  expect(track).toMatchObject({ track: 1, language: 'en', label: 'en', forced: false, source: 'sidecar' });
  expect(track!.source_name).toBe('film.en.srt');
  expectCues(await openTrack(film, track!.file));
  expect(await jobOf('film.en.srt')).toMatchObject({ status: 'completed', stage: 'subtitles', media_id: film.id });

  const clip = await videoNamed('clip.mov');
  const [clipTrack] = await tracksOf(clip.id);
  expect(clipTrack).toMatchObject({ track: 1, language: null, source: 'sidecar', source_name: 'clip.vtt' });
  expectCues(await openTrack(clip, clipTrack!.file));

  const items = await env.t.db.selectFrom('media_files').select('original_name').execute();
  expect(items.map((i) => i.original_name).sort()).toEqual(['clip.mov', 'film.mp4']);
  expect(await fs.readdir(env.importsDir)).toEqual(['Holiday']);
  expect(await fs.readdir(drop('Holiday'))).toEqual([]);
}, 180_000);

test('a mov_text stream inside an MP4 becomes a track with its language', async () => {
  const plain = await tiny(path.join(env.root, 'plain.mp4'));
  await embedSubtitles(plain, drop('embedded.mp4'), cues, { language: 'eng' });
  await env.processor().runOnce();

  const item = await videoNamed('embedded.mp4');
  const [track] = await tracksOf(item.id);
  expect(track).toMatchObject({ track: 1, language: 'eng', label: 'eng', source: 'embedded' });
  expectCues(await openTrack(item, track!.file));
}, 180_000);

test('a damaged .srt fails visibly, kept in failed/, while its video is made', async () => {
  await tiny(drop('broken.mp4'));
  await fs.writeFile(
    drop('broken.srt'),
    '1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\nthis is not a timing line\nbad\n',
  );
  await env.processor().runOnce();

  const video = await videoNamed('broken.mp4');
  expect(await tracksOf(video.id)).toEqual([]);
  const job = await jobOf('broken.srt');
  expect(job).toMatchObject({ status: 'failed', error_code: 'MEDIA_004' });
  expect(job.error).toMatch(/subtitle file cannot be read: block 2 has no valid timing line/);
  expect(await fs.readFile(path.join(env.importsDir, job.failed_path!), 'utf8')).toContain('not a timing line');
  expect(await fs.readFile(path.join(env.importsDir, `${job.failed_path!}.error.txt`), 'utf8')).toContain('block 2');
}, 180_000);

test('a sidecar dropped after its video was published attaches to it as a further track', async () => {
  const film = await videoNamed('film.mp4');
  await fs.writeFile(drop('film.fr.forced.srt'), srtText([{ start: 1, end: 2, text: 'Bonjour' }]));
  await env.processor().runOnce();

  const tracks = await tracksOf(film.id);
  expect(tracks.map((t) => [t.track, t.language, t.forced])).toEqual([
    [1, 'en', false],
    [2, 'fr', true],
  ]);
  expect(await openTrack(film, tracks[1]!.file)).toContain('00:00:01.000 --> 00:00:02.000\nBonjour');
  expect(await jobOf('film.fr.forced.srt')).toMatchObject({ status: 'completed', media_id: film.id });
}, 180_000);

test('a sidecar dropped before its video waits for it, then attaches', async () => {
  await fs.writeFile(drop('early.srt'), srtText(cues));
  const running = env.processor().runOnce();
  await waitFor(
    'the sidecar to wait for its video',
    async () =>
      (await env.t.db.selectFrom('processing_queue').select('stage').where('path', '=', 'early.srt').executeTakeFirst())
        ?.stage === 'waiting for video',
    60_000,
  );
  await tiny(drop('early.mp4'));
  await env.processor().runOnce();
  await running;

  const video = await videoNamed('early.mp4');
  const [track] = await tracksOf(video.id);
  expect(track).toMatchObject({ track: 1, source: 'sidecar', source_name: 'early.srt' });
  expectCues(await openTrack(video, track!.file));
}, 180_000);

test("key rotation re-seals the tracks under the item's new key", async () => {
  const before = await videoNamed('film.mp4');
  const plain = await openTrack(before, (await tracksOf(before.id))[0]!.file);
  await rotateKeys({
    db: env.t.db,
    keyStore: env.keyStore,
    assetsDir: env.assetsDir,
    graceHours: 24,
    logger: pino({ level: 'silent' }),
  });
  const after = await videoNamed('film.mp4');
  expect(after.generation).toBe(before.generation + 1);
  const tracks = await tracksOf(after.id);
  expect(await openTrack(after, tracks[0]!.file)).toBe(plain);
  expect(await openTrack(after, tracks[1]!.file)).toContain('Bonjour');
}, 180_000);
