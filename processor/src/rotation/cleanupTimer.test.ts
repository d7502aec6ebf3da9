import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFile } from '@keepsake/database';
import { createProcessingEnv, generateImage, waitFor, type ProcessingEnv } from '@keepsake/testkit';
import { cleanupWhenFree } from './cleanupTimer.js';
import { rotateKeys, type RotateKeysDeps } from './rotateKeys.js';
import { ifGenerationsFree } from './rotationLock.js';

describe('old key generations end on time (issue 13, point 2)', () => {
  let env: ProcessingEnv;
  let deps: RotateKeysDeps;
  const logLines: { level: number; msg: string }[] = [];
  // Every processor and the rotation log here, so a conflict between them would show as a warning.
  const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line)) });

  beforeAll(async () => {
    env = await createProcessingEnv({
      workers: 1,
      // About four seconds of grace, and a cleanup pass every 0.6 s.
      env: { ROTATION_GRACE_HOURS: '0.001', ROTATION_CLEANUP_MINUTES: '0.01' },
    });
    await generateImage({ file: path.join(env.importsDir, 'photo.jpg'), width: 400, height: 300, format: 'jpeg' });
    expect((await env.processor().runOnce()).completed).toBe(1);
    deps = {
      db: env.t.db,
      keyStore: env.keyStore,
      assetsDir: env.assetsDir,
      graceHours: env.config.rotationGraceHours,
      logger,
    };
  }, 120_000);
  afterAll(() => env?.close());

  const item = () => env.t.db.selectFrom('media_files').selectAll().executeTakeFirstOrThrow();
  const exists = (relative: string) =>
    fs.access(path.join(env.assetsDir, relative)).then(
      () => true,
      () => false,
    );
  const keysOf = (generation: number) =>
    env.t.db.selectFrom('encryption_keys').select('retired_at').where('generation', '=', generation).execute();
  const rotateAway = async (): Promise<MediaFile> => {
    const before = await item();
    expect(await rotateKeys(deps)).toMatchObject({ rotated: 1, failed: [] });
    expect((await item()).generation).toBe(before.generation + 1);
    return before;
  };

  it('two long-running processors remove the old generation after the grace period, without a second rotation', async () => {
    const old = await rotateAway();
    const processors = [env.processor({ logger }), env.processor({ logger })];
    for (const processor of processors) await processor.start();

    await waitFor(
      'the old generation to be removed by the cleanup timer',
      async () => {
        const keys = await keysOf(old.generation);
        return !(await exists(old.asset_dir!)) && keys.length > 0 && keys.every((key) => key.retired_at !== null);
      },
      20_000,
    );
    for (const processor of processors) await processor.stop(1000);

    expect(await exists(old.original_path!)).toBe(false);
    const current = await item();
    expect(await exists(current.asset_dir!)).toBe(true);
    expect(await env.openSealed(current.image_path!)).toBeInstanceOf(Buffer);
    expect(await env.t.db.selectFrom('rotation_runs').select('id').execute()).toHaveLength(1);
    const retired = await env.t.db.selectFrom('retired_generations').selectAll().execute();
    expect(retired).toEqual([expect.objectContaining({ generation: old.generation, removed_at: expect.any(Date) })]);
    // Two cleanup timers over one library: no errors, no warnings.
    expect(logLines.filter((line) => line.level >= 40)).toEqual([]);
  });

  it('a cleanup pass stays out while another holds the generation folders, and a rotation waits for it', async () => {
    const old = await rotateAway();
    await env.t.db
      .updateTable('retired_generations')
      .set({ retire_after: new Date(0) })
      .execute();

    let release!: () => void;
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    const otherPass = ifGenerationsFree(env.t.db, async () => {
      held();
      await new Promise<void>((resolve) => (release = resolve));
      return 'held';
    });
    await isHeld;
    expect(await cleanupWhenFree(deps)).toBeUndefined();
    expect(await exists(old.asset_dir!)).toBe(true);

    // A rotation started meanwhile queues behind the lock instead of failing.
    const rotating = rotateKeys({ ...deps, graceHours: 24 });
    await waitFor('the rotation to wait for the generation folders', async () => {
      const { rows } = await sql<{ waiting: string }>`
        SELECT count(*) AS waiting FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(env.t.db);
      return Number(rows[0]!.waiting) > 0;
    });
    release();
    expect(await otherPass).toBe('held');
    expect(await rotating).toMatchObject({ rotated: 1, failed: [] });
    // The rotation's own cleanup took the generation that was due.
    expect(await exists(old.asset_dir!)).toBe(false);
    expect(await cleanupWhenFree(deps)).toEqual({ removedGenerations: 0, removedOrphans: [], removedErased: [] });
  });
});
