import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFile } from '@keepsake/database';
import { createProcessingEnv, generateImage, type ProcessingEnv } from '@keepsake/testkit';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/** The real `npm run media` against a database and assets the real processor made. */
describe('npm run media', { timeout: 120_000 }, () => {
  let env: ProcessingEnv;
  const byName = new Map<string, MediaFile>();

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    await generateImage({
      file: path.join(env.importsDir, 'garden party.jpg'),
      width: 640,
      height: 480,
      format: 'jpeg',
    });
    await generateImage({
      file: path.join(env.importsDir, 'garden gate.jpg'),
      width: 600,
      height: 400,
      format: 'jpeg',
    });
    await generateImage({ file: path.join(env.importsDir, 'beach.jpg'), width: 500, height: 300, format: 'jpeg' });
    expect((await env.processor().runOnce()).completed).toBe(3);
    for (const item of await env.t.db.selectFrom('media_files').selectAll().execute())
      byName.set(item.original_name, item);
  }, 240_000);
  afterAll(() => env?.close());

  const media = (...args: string[]) =>
    run('npm', ['run', '-s', 'media', '--', ...args], { cwd: repoRoot, env: { ...process.env, ...env.env } });
  const id = (name: string) => byName.get(name)!.id;
  const status = async (name: string) =>
    (await env.t.db.selectFrom('media_files').select('status').where('id', '=', id(name)).executeTakeFirst())?.status;
  const audit = (action: string) =>
    env.t.db.selectFrom('access_logs').selectAll().where('action', '=', action).orderBy('id').execute();

  it('explains itself', async () => {
    const { stdout } = await media('--help');
    for (const command of ['list', 'trash', 'restore', 'purge']) expect(stdout).toContain(command);
    expect((await media('purge', '--help')).stdout).toContain('--expired');
  });

  it('lists the library and finds by name', async () => {
    const { stdout } = await media('list');
    for (const name of byName.keys()) expect(stdout).toContain(name);
    const found = (await media('list', '--name', 'GARDEN')).stdout.trim().split('\n');
    expect(found).toHaveLength(2);
    expect(found.every((line) => line.includes('garden'))).toBe(true);
    expect(JSON.parse((await media('list', '--json', '--name', 'beach')).stdout)).toMatchObject([
      { id: id('beach.jpg') },
    ]);
  });

  it('trashes what a search found only with --yes, and restores by id; each audited as the CLI', async () => {
    const asked = await media('trash', '--name', 'garden');
    expect(asked.stdout).toContain('2 item(s) match. Run again with --yes');
    expect(await status('garden party.jpg')).toBe('completed');

    const done = await media('trash', '--name', 'garden', '--yes');
    expect(done.stdout).toContain('trashed: 2 of 2.');
    expect(await status('garden party.jpg')).toBe('trashed');
    expect(await status('garden gate.jpg')).toBe('trashed');
    const trashList = (await media('list', '--trash')).stdout;
    expect(trashList).toContain('garden party.jpg');
    expect(trashList).toContain('deleted for good 30 days after');
    expect((await media('list')).stdout).not.toContain('garden');

    const restored = await media('restore', id('garden gate.jpg'));
    expect(restored.stdout).toContain(`[1/1] restored  ${id('garden gate.jpg')}  garden gate.jpg`);
    expect(await status('garden gate.jpg')).toBe('completed');

    const rows = await audit('media.trash');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ user_id: null });
    expect(rows[0]!.details).toMatchObject({ via: 'cli' });
    expect(await audit('media.restore')).toHaveLength(1);
  });

  it('purges by id only with --yes: keys first, then files', async () => {
    const item = byName.get('garden party.jpg')!;
    const shown = await media('purge', item.id);
    expect(shown.stdout).toContain('would be deleted forever. Run again with --yes');
    expect(await status('garden party.jpg')).toBe('trashed');

    const purged = await media('purge', item.id, '--yes');
    expect(purged.stdout).toContain('deleted forever: 1 of 1.');
    expect(await env.t.db.selectFrom('encryption_keys').select('id').where('media_id', '=', item.id).execute()).toEqual(
      [],
    );
    expect(await status('garden party.jpg')).toBeUndefined();
    for (const kind of ['images', 'originals']) {
      await expect(fs.stat(path.join(env.assetsDir, kind, item.id))).rejects.toThrow();
    }
    const [row] = await audit('media.delete');
    expect(row!.details).toMatchObject({ media_id: item.id, name: 'garden party.jpg', via: 'cli' });
  });

  it('purges what is past TRASH_DAYS with --expired, and refuses what is not in the trash', async () => {
    await media('trash', id('beach.jpg'));
    expect((await media('purge', '--expired', '--yes')).stdout).toContain(
      'Nothing has been in the trash for more than 30',
    );
    await env.t.db
      .updateTable('media_files')
      .set({ trashed_at: new Date(Date.now() - 31 * 86_400_000) })
      .where('id', '=', id('beach.jpg'))
      .execute();
    expect((await media('purge', '--expired')).stdout).toContain('1 item(s) would be deleted forever');
    expect((await media('purge', '--expired', '--yes')).stdout).toContain('deleted forever: 1 of 1.');
    expect(await status('beach.jpg')).toBeUndefined();

    await expect(media('purge', id('garden gate.jpg'), '--yes')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Only items in the trash can be deleted forever'),
    });
    await expect(media('trash', 'not-an-id')).rejects.toMatchObject({
      stderr: expect.stringContaining('not an item id: not-an-id'),
    });
    await expect(media('restore', '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      stderr: expect.stringContaining('no such item'),
    });
  });
});
