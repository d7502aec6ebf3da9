import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaPathColumns, type MediaFile } from '@keepsake/database';
import {
  createProcessingEnv,
  decodeHlsVariant,
  generateImage,
  generateVideo,
  startProcessorCli,
  waitFor,
  type ProcessingEnv,
} from '@keepsake/testkit';

/** Folders of one item under each kind, e.g. ['g2'], to find anything left behind. */
async function generationFolders(assetsDir: string, item: MediaFile): Promise<string[]> {
  const found: string[] = [];
  for (const kind of ['images', 'videos', 'originals']) {
    const names = await fs.readdir(path.join(assetsDir, kind, item.id)).catch(() => [] as string[]);
    found.push(...names.map((name) => `${kind}/${name}`));
  }
  return found.sort();
}

describe('key rotation killed at random points', () => {
  let env: ProcessingEnv;

  beforeAll(async () => {
    env = await createProcessingEnv({ env: { ROTATION_GRACE_HOURS: '0' } });
    for (let i = 0; i < 16; i++) {
      await generateImage({
        file: path.join(env.importsDir, `photo-${i}.png`),
        width: 640 + i,
        height: 480,
        format: 'png',
      });
    }
    for (let i = 0; i < 4; i++) {
      await generateVideo({
        file: path.join(env.importsDir, `clip-${i}.mp4`),
        width: 320,
        height: 240,
        seconds: 2 + i,
      });
    }
    expect((await env.processor().runOnce()).completed).toBe(20);
  }, 300_000);
  afterAll(() => env.close());

  it('SIGKILL ten times mid-run, then a rerun: every item readable, all on the new generation, nothing orphaned', async () => {
    const runOf = (pid: number) =>
      env.t.db
        .selectFrom('rotation_runs')
        .select(['items_done', 'status'])
        .where('pid', '=', pid)
        .where('status', '=', 'running')
        .executeTakeFirst();
    const doneAtKill: number[] = [];
    for (let kill = 0; kill < 10; kill++) {
      const cli = startProcessorCli(env.env, [], 'rotateKeys');
      // Once this process has the run (new or resumed), somewhere in the next 150 ms.
      const started = await Promise.race([
        waitFor('the rotation to start', () => runOf(cli.child.pid!), 60_000, 5).then(() => true),
        cli.exited.then(() => false),
      ]);
      if (started) await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
      cli.killHard();
      await cli.exited;
      doneAtKill.push((await runOf(cli.child.pid!))?.items_done ?? 20);
    }
    // Killed inside the run each time, and the work advanced across the kills.
    expect(doneAtKill.filter((done) => done < 20).length).toBeGreaterThanOrEqual(5);

    const rerun = startProcessorCli(env.env, [], 'rotateKeys');
    const { code } = await rerun.exited;
    expect(rerun.stderr()).not.toMatch(/Error|failed/);
    expect(code).toBe(0);

    const items = await env.t.db.selectFrom('media_files').selectAll().execute();
    expect(items).toHaveLength(20);
    const generations = new Set(items.map((item) => item.generation));
    expect(generations.size).toBe(1);
    const [generation] = [...generations] as [number];
    expect(generation).toBeGreaterThanOrEqual(2);

    for (const item of items) {
      for (const column of mediaPathColumns) {
        const value = item[column];
        if (value?.endsWith('.sealed')) expect((await env.openSealed(value)).length).toBeGreaterThan(0);
      }
      if (item.type === 'video') {
        const key = (await env.keyStore.get(item.hls_key_id!))!.key;
        for (const variant of item.variants as { playlist: string }[]) {
          const decoded = await decodeHlsVariant(path.join(env.assetsDir, item.asset_dir!, variant.playlist), key);
          expect(decoded.duration).toBeGreaterThan(1.5);
        }
      }
      // Grace 0: the cleanup at the end of the rerun left only the current generation.
      const expected = item.type === 'video' ? ['originals/g', 'videos/g'] : ['images/g', 'originals/g'];
      expect(await generationFolders(env.assetsDir, item)).toEqual(expected.map((prefix) => `${prefix}${generation}`));
    }
    const strayKeys = await env.t.db
      .selectFrom('encryption_keys')
      .select(['media_id', 'generation'])
      .where('generation', '>', generation)
      .execute();
    expect(strayKeys).toEqual([]);
    // Every run that a kill interrupted was finished by the next one; each moved every item once.
    const runs = await env.t.db.selectFrom('rotation_runs').select(['status', 'items_done']).execute();
    expect(runs.every((run) => run.status === 'completed' && run.items_done === 20)).toBe(true);
    expect(generation).toBe(1 + runs.length);
  }, 600_000);
});
