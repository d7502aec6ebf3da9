import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelName, createRedis, PARTIAL_UPLOADS_DIR, type Redis } from '@keepsake/platform';
import {
  createProcessingEnv,
  fixtureFile,
  generateVideo,
  tusCreate,
  tusPatch,
  tusUploadFile,
  type ProcessingEnv,
  type TusTarget,
} from '@keepsake/testkit';
import { createTestApp, type TestApp } from '../../server/src/testing/testApp.js';
import { createTestUser, signIn } from '../../server/src/testing/testUsers.js';

interface Progress {
  jobId: number;
  mediaId: string | null;
  file: string;
  stage: string;
  status: string;
}

/**
 * Issue 10.1 through the real server and processor: a finished upload waits in
 * imports/uploads/<user>/ and goes through the one pipeline like any dropped file — same
 * detection, same failures, same duplicates — with media_files.uploaded_by saying who.
 */
describe('an upload is processed like a dropped file, with who uploaded it', () => {
  let env: ProcessingEnv;
  let h: TestApp;
  let anna: TusTarget;
  let annaId: string;
  let partialUrl: string;
  let listener: Redis;
  const events: Progress[] = [];

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 2 });
    h = await createTestApp({ processing: env, env: { UPLOAD_MIN_FREE_BYTES: '0' } });
    annaId = (await createTestUser(h.t.db, 'anna')).id;
    const base = await h.app.listen({ host: '127.0.0.1', port: 0 });
    anna = { base, headers: (await signIn(h.app, 'anna')).auth };

    listener = createRedis({ redisUrl: env.config.redisUrl, prefix: env.redisPrefix });
    await listener.subscribe(channelName(env.redisPrefix, 'processing:progress'));
    listener.on('message', (_channel, message: string) => events.push(JSON.parse(message) as Progress));

    const video = await generateVideo({ file: path.join(env.root, 'clip.mp4'), width: 320, height: 240, seconds: 2 });
    const notes = path.join(env.root, 'notes.txt');
    fs.writeFileSync(notes, 'not a photo, not a video\n');
    for (const file of [fixtureFile('photo/train.jpg'), fixtureFile('heic/classic-car.heic'), video, notes]) {
      await tusUploadFile(anna, file, { chunkBytes: 256 * 1024 });
    }
    // One upload stays half-sent while the processor runs.
    const created = await tusCreate(anna, fs.statSync(video).size, 'half.mp4');
    partialUrl = created.headers.location!;
    await tusPatch(anna, partialUrl, video, { offset: 0, end: 1000 });

    const summary = await env.processor().runOnce();
    expect(summary).toMatchObject({ completed: 3, failed: 1 });
  }, 300_000);

  afterAll(async () => {
    listener?.disconnect();
    await h?.close();
    await env?.close();
  });

  it('puts the photo, the HEIC and the video in the library as anna’s', async () => {
    const rows = await h.t.db
      .selectFrom('media_files')
      .select(['original_name', 'type', 'status', 'uploaded_by'])
      .where('status', '=', 'completed')
      .orderBy('original_name')
      .execute();
    expect(rows).toEqual([
      { original_name: 'classic-car.heic', type: 'image', status: 'completed', uploaded_by: annaId },
      { original_name: 'clip.mp4', type: 'video', status: 'completed', uploaded_by: annaId },
      { original_name: 'train.jpg', type: 'image', status: 'completed', uploaded_by: annaId },
    ]);
    expect(fs.readdirSync(path.join(env.importsDir, 'uploads', 'anna'))).toEqual([]);
  });

  it('ends a non-media file as a visible failure with its original kept', async () => {
    const job = await h.t.db
      .selectFrom('processing_queue')
      .select(['path', 'status', 'error_code', 'failed_path'])
      .where('status', '=', 'failed')
      .executeTakeFirstOrThrow();
    expect(job).toEqual({
      path: 'uploads/anna/notes.txt',
      status: 'failed',
      error_code: 'MEDIA_004',
      failed_path: 'failed/uploads/anna/notes.txt',
    });
    expect(fs.readFileSync(path.join(env.importsDir, job.failed_path!), 'utf8')).toBe('not a photo, not a video\n');
    expect(events).toContainEqual(expect.objectContaining({ file: 'uploads/anna/notes.txt', status: 'failed' }));
  });

  it('leaves an upload still arriving alone: never queued, still resumable', async () => {
    const queued = await h.t.db.selectFrom('processing_queue').select('path').execute();
    expect(queued.map((row) => row.path).filter((p) => p.startsWith(PARTIAL_UPLOADS_DIR))).toEqual([]);
    expect(queued).toHaveLength(4);
    const head = await fetch(new URL(partialUrl, anna.base), {
      method: 'HEAD',
      headers: { ...anna.headers, 'Tus-Resumable': '1.0.0' },
    });
    expect(head.headers.get('upload-offset')).toBe('1000');
  });

  it('tells a duplicate apart, naming the item already in the library', async () => {
    const file = await tusUploadFile(anna, fixtureFile('photo/train.jpg'), { name: 'train again.jpg' });
    expect(file).toBe('uploads/anna/train again.jpg');
    expect(await env.processor().runOnce()).toMatchObject({ duplicates: 1 });
    const original = await h.t.db
      .selectFrom('media_files')
      .select('id')
      .where('original_name', '=', 'train.jpg')
      .executeTakeFirstOrThrow();
    await expect
      .poll(() => events.find((e) => e.file === file && e.stage === 'duplicate'))
      .toMatchObject({
        status: 'completed',
        mediaId: original.id,
      });
  });

  it('tells a duplicate of a trashed item apart: duplicate_in_trash with its id, and the restore brings it back', async () => {
    const train = await h.t.db
      .selectFrom('media_files')
      .select('id')
      .where('original_name', '=', 'train.jpg')
      .executeTakeFirstOrThrow();
    const call = (url: string, ids: string[]) =>
      h.app.inject({ method: 'POST', url, headers: anna.headers, payload: { ids } });
    expect((await call('/api/media/trash', [train.id])).json()).toEqual({ trashed: [train.id] });

    const file = await tusUploadFile(anna, fixtureFile('photo/train.jpg'), { name: 'train from the phone.jpg' });
    const summary = await env.processor().runOnce();
    expect(summary.results.map((result) => result.outcome)).toEqual([
      { kind: 'duplicate_in_trash', mediaId: train.id },
    ]);
    const job = await h.t.db
      .selectFrom('processing_queue')
      .select(['status', 'stage', 'media_id'])
      .where('path', '=', file)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'completed', stage: 'duplicate_in_trash', media_id: train.id });
    await expect
      .poll(() => events.find((e) => e.file === file && e.status === 'completed'))
      .toMatchObject({ stage: 'duplicate_in_trash', mediaId: train.id });
    // The trashed item stays trashed (content hashes are unique: no second item) until someone restores it.
    const status = await h.t.db
      .selectFrom('media_files')
      .select('status')
      .where('id', '=', train.id)
      .executeTakeFirstOrThrow();
    expect(status).toEqual({ status: 'trashed' });

    expect((await call('/api/trash/restore', [train.id])).json()).toEqual({ restored: [train.id] });
    const again = await tusUploadFile(anna, fixtureFile('photo/train.jpg'), { name: 'train, third time.jpg' });
    await env.processor().runOnce();
    await expect
      .poll(() => events.find((e) => e.file === again && e.status === 'completed'))
      .toMatchObject({ stage: 'duplicate', mediaId: train.id });
  });
});
