import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trash, type MediaFile } from '@keepsake/database';
import { eraseMedia } from '@keepsake/vault';
import { createProcessingEnv, generateImage, waitFor, type ProcessingEnv } from '@keepsake/testkit';
import { rotateKeys } from './rotateKeys.js';

/** The processor's part of the trash: the purge after TRASH_DAYS, leftovers of an erasure, rotation. */
describe('the long-running processor and the trash', () => {
  let env: ProcessingEnv;
  const byName = new Map<string, MediaFile>();
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1, env: { ROTATION_CLEANUP_MINUTES: '0.01', TRASH_DAYS: '1' } });
    for (const [name, width] of [
      ['old.jpg', 400],
      ['crashed.jpg', 360],
      ['recent.jpg', 320],
    ] as const) {
      await generateImage({ file: path.join(env.importsDir, name), width, height: 300, format: 'jpeg' });
    }
    expect((await env.processor().runOnce()).completed).toBe(3);
    for (const item of await env.t.db.selectFrom('media_files').selectAll().execute())
      byName.set(item.original_name, item);
  }, 120_000);
  afterAll(() => env?.close());

  const id = (name: string) => byName.get(name)!.id;
  const folders = async (mediaId: string) =>
    (
      await Promise.all(
        ['images', 'originals'].map((kind) =>
          fs.stat(path.join(env.assetsDir, kind, mediaId)).then(
            () => kind,
            () => null,
          ),
        ),
      )
    ).filter(Boolean);
  const keyCount = async (mediaId: string) =>
    (await env.t.db.selectFrom('encryption_keys').select('id').where('media_id', '=', mediaId).execute()).length;

  it('does not rotate trashed items', async () => {
    await trash.moveToTrash(env.t.db, [id('recent.jpg')], null);
    const summary = await rotateKeys({
      db: env.t.db,
      keyStore: env.keyStore,
      assetsDir: env.assetsDir,
      graceHours: 0,
      logger,
    });
    expect(summary).toMatchObject({ items: 2, rotated: 2, failed: [] });
    const recent = await env.t.db
      .selectFrom('media_files')
      .selectAll()
      .where('id', '=', id('recent.jpg'))
      .executeTakeFirstOrThrow();
    expect(recent.generation).toBe(1);
    expect(recent.status).toBe('trashed');
  });

  it('deletes for good what has been in the trash longer than TRASH_DAYS, and finishes an erasure a crash left', async () => {
    await trash.moveToTrash(env.t.db, [id('old.jpg'), id('crashed.jpg')], null, new Date(Date.now() - 2 * 86_400_000));
    // The server erased this one and died before removing its folders.
    expect(await eraseMedia(env.t.db, env.keyStore, id('crashed.jpg'))).toBeDefined();
    expect(await folders(id('crashed.jpg'))).toEqual(['images', 'originals']);

    const processor = env.processor({ logger });
    await processor.start();
    await waitFor(
      'the purge and the removal of both items',
      async () => (await folders(id('old.jpg'))).length === 0 && (await folders(id('crashed.jpg'))).length === 0,
      20_000,
    );
    await processor.stop(1000);

    expect(await keyCount(id('old.jpg'))).toBe(0);
    expect(await env.t.db.selectFrom('erased_media').selectAll().execute()).toEqual([]);
    // Trashed a moment ago: it stays, keys and files.
    expect(await keyCount(id('recent.jpg'))).toBeGreaterThan(0);
    expect(await folders(id('recent.jpg'))).toEqual(['images', 'originals']);
    const audit = await env.t.db.selectFrom('access_logs').selectAll().where('action', '=', 'media.delete').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: null, media_id: null });
    expect(audit[0]!.details).toMatchObject({ media_id: id('old.jpg'), reason: 'in the trash for more than 1 day' });
  });
});
