import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';
import type { KeyPurpose, MediaFile, MediaPathColumn, RotationRun } from '../db/schema.js';

/**
 * Completed items whose keys predate `cutoff`: what a rotation run still has to do.
 * A rerun of an interrupted run keeps that run's cutoff, so it skips what was already done.
 */
export async function listItemsToRotate(db: Db, cutoff: Date, only?: string): Promise<MediaFile[]> {
  let query = db
    .selectFrom('media_files as m')
    .innerJoin('encryption_keys as k', 'k.id', 'm.storage_key_id')
    .selectAll('m')
    .where('m.status', '=', 'completed')
    .orderBy('m.created_at')
    .orderBy('m.id');
  query = only ? query.where('m.id', '=', only) : query.where('k.created_at', '<', cutoff);
  return query.execute();
}

export async function countCompletedItems(db: Db): Promise<number> {
  const row = await db
    .selectFrom('media_files')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findUnfinishedRun(db: Db): Promise<RotationRun | undefined> {
  return db
    .selectFrom('rotation_runs')
    .selectAll()
    .where('dry_run', '=', false)
    .where('only_media_id', 'is', null)
    .where('status', 'in', ['running', 'interrupted', 'failed'])
    .where('finished_at', 'is', null)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface NewRun {
  dryRun: boolean;
  onlyMediaId: string | null;
  host: string;
  pid: number;
  itemsTotal: number;
}

export async function startRun(db: Db, run: NewRun): Promise<RotationRun> {
  return db
    .insertInto('rotation_runs')
    .values({
      dry_run: run.dryRun,
      only_media_id: run.onlyMediaId,
      host: run.host,
      pid: run.pid,
      items_total: run.itemsTotal,
      bytes: 0,
      errors: '[]',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A rerun takes over an interrupted run: same record, same cutoff. The count of items done is
 * taken from the items themselves, since a kill can land between an item's switch and its count.
 */
export async function resumeRun(
  db: Db,
  id: number,
  run: { host: string; pid: number; itemsDone: number; itemsLeft: number },
): Promise<RotationRun> {
  return db
    .updateTable('rotation_runs')
    .set({
      status: 'running',
      host: run.host,
      pid: run.pid,
      items_done: run.itemsDone,
      items_total: run.itemsDone + run.itemsLeft,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function recordItemDone(db: Db, id: number, bytes: number): Promise<void> {
  await db
    .updateTable('rotation_runs')
    .set((eb) => ({ items_done: eb('items_done', '+', 1), bytes: eb('bytes', '+', bytes) }))
    .where('id', '=', id)
    .execute();
}

export async function recordItemFailed(db: Db, id: number, failure: { mediaId: string; error: string }): Promise<void> {
  await db
    .updateTable('rotation_runs')
    .set((eb) => ({
      items_failed: eb('items_failed', '+', 1),
      errors: sql`errors || ${JSON.stringify([failure])}::jsonb`,
    }))
    .where('id', '=', id)
    .execute();
}

export async function finishRun(db: Db, id: number, status: 'completed' | 'failed' | 'interrupted'): Promise<void> {
  await db
    .updateTable('rotation_runs')
    .set({ status, finished_at: status === 'interrupted' ? null : new Date() })
    .where('id', '=', id)
    .execute();
}

/** Only one rotation holds the lock; a run left "running" without it was killed. */
export async function markAbandonedRunsInterrupted(db: Db): Promise<void> {
  await db.updateTable('rotation_runs').set({ status: 'interrupted' }).where('status', '=', 'running').execute();
}

export async function lastCompletedRun(db: Db): Promise<RotationRun | undefined> {
  return db
    .selectFrom('rotation_runs')
    .selectAll()
    .where('status', '=', 'completed')
    .where('dry_run', '=', false)
    .where('only_media_id', 'is', null)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function latestRun(db: Db): Promise<RotationRun | undefined> {
  return db
    .selectFrom('rotation_runs')
    .selectAll()
    .where('dry_run', '=', false)
    .where('only_media_id', 'is', null)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface GenerationSwitch {
  mediaId: string;
  from: number;
  to: number;
  paths: Record<MediaPathColumn, string | null>;
  hlsKeyId: string | null;
  storageKeyId: string;
  oldDirs: string[];
  retireAfter: Date;
}

/**
 * Points an item at its new generation and records the old one for later removal,
 * in one transaction: readers see the old generation or the new one, never a mix.
 * Returns false when the item was not on `from` any more (changed under us).
 */
export async function switchGeneration(db: Db, change: GenerationSwitch): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('media_files')
      .set({
        ...change.paths,
        generation: change.to,
        hls_key_id: change.hlsKeyId,
        storage_key_id: change.storageKeyId,
        updated_at: new Date(),
      })
      .where('id', '=', change.mediaId)
      .where('generation', '=', change.from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('retired_generations')
      .values({
        media_id: change.mediaId,
        generation: change.from,
        asset_dirs: JSON.stringify(change.oldDirs),
        retire_after: change.retireAfter,
      })
      .execute();
    return true;
  });
}

export async function dueRetiredGenerations(db: Db, now: Date) {
  return db
    .selectFrom('retired_generations')
    .selectAll()
    .where('removed_at', 'is', null)
    .where('retire_after', '<=', now)
    .execute();
}

/** The keys of one generation of an item (to retire them through the key store). */
export async function keyIdsOfGeneration(db: Db, mediaId: string, generation: number): Promise<string[]> {
  const rows = await db
    .selectFrom('encryption_keys')
    .select('id')
    .where('media_id', '=', mediaId)
    .where('generation', '=', generation)
    .execute();
  return rows.map((row) => row.id);
}

/** Marks an old generation's files gone (its keys are retired first, through the key store). */
export async function markGenerationRemoved(db: Db, mediaId: string, generation: number): Promise<void> {
  await db
    .updateTable('retired_generations')
    .set({ removed_at: new Date() })
    .where('media_id', '=', mediaId)
    .where('generation', '=', generation)
    .execute();
}

/** Keys made for a generation the item never switched to (its rotation failed). */
export async function deleteUnusedKeys(
  db: Db,
  mediaId: string,
  generation: number,
  purposes: KeyPurpose[],
): Promise<void> {
  await db
    .deleteFrom('encryption_keys')
    .where('media_id', '=', mediaId)
    .where('generation', '=', generation)
    .where('purpose', 'in', purposes)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('media_files').select('id').where('id', '=', mediaId).where('generation', '>=', generation)),
      ),
    )
    .execute();
}

/** Generation folders that are still live: the current one and those within their grace period. */
export async function liveGenerations(db: Db): Promise<{ media_id: string; generation: number }[]> {
  const current = db.selectFrom('media_files').select(['id as media_id', 'generation']);
  const retained = db
    .selectFrom('retired_generations')
    .select(['media_id', 'generation'])
    .where('removed_at', 'is', null);
  return current.union(retained).execute();
}

/**
 * Whether one generation of an item may be served: the current one, or an old one still
 * inside its grace period, of an item in the gallery (a trashed one serves nothing: playlists,
 * keys and segments handed out before stop at once). What is on disk does not count: cleanup
 * may not have run yet.
 */
export async function isGenerationServable(db: Db, mediaId: string, generation: number, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('media_files')
    .select('id')
    .where('id', '=', mediaId)
    .where('status', '=', 'completed')
    .where('generation', '=', generation)
    .union(
      db
        .selectFrom('retired_generations as r')
        .innerJoin('media_files as m', 'm.id', 'r.media_id')
        .select('r.media_id as id')
        .where('r.media_id', '=', mediaId)
        .where('m.status', '=', 'completed')
        .where('r.generation', '=', generation)
        .where('r.removed_at', 'is', null)
        .where('r.retire_after', '>', now),
    )
    .executeTakeFirst();
  return row !== undefined;
}
