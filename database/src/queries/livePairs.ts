import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';
import type { LivePair, RawPairState } from '../db/schema.js';

/**
 * The pair's row, made if missing, locked until the transaction ends: only one MOV job decides
 * for a Live Photo at a time, whichever processor runs it.
 */
export async function lockPair(trx: Db, pairKey: string, motionJobId: number): Promise<LivePair> {
  await trx
    .insertInto('live_pairs')
    .values({ pair_key: pairKey, motion_job_id: motionJobId, updated_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('pair_key').doNothing())
    .execute();
  return trx.selectFrom('live_pairs').selectAll().where('pair_key', '=', pairKey).forUpdate().executeTakeFirstOrThrow();
}

export async function setPair(
  trx: Db,
  pairKey: string,
  change: { state: RawPairState; motionJobId: number; mediaId?: string | null },
): Promise<void> {
  await trx
    .updateTable('live_pairs')
    .set({
      state: change.state,
      motion_job_id: change.motionJobId,
      ...(change.mediaId === undefined ? {} : { media_id: change.mediaId }),
      updated_at: sql<Date>`now()`,
    })
    .where('pair_key', '=', pairKey)
    .execute();
}

/** A photo item a MOV may give motion to. */
export interface LiveStill {
  id: string;
  takenAt: Date | null;
  /** It has motion already. */
  hasMotion: boolean;
}

/** The photo items whose still carries this content identifier (metadata.contentIdentifier), oldest first. */
export async function stillsByIdentifier(trx: Db, contentIdentifier: string): Promise<LiveStill[]> {
  const rows = await trx
    .selectFrom('media_files')
    .select(['id', 'taken_at', 'motion_path'])
    .where(sql<string>`metadata->>'contentIdentifier'`, '=', contentIdentifier)
    .where(sql<boolean>`metadata ? 'contentIdentifier'`)
    .where('type', '=', 'image')
    .where('status', '=', 'completed')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ id: row.id, takenAt: row.taken_at, hasMotion: row.motion_path !== null }));
}

/** These photo items, as stills (for a pair by name: the items the shot's files made). */
export async function stillsById(trx: Db, ids: string[]): Promise<LiveStill[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('media_files')
    .select(['id', 'taken_at', 'motion_path'])
    .where('id', 'in', ids)
    .where('type', '=', 'image')
    .where('status', '=', 'completed')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ id: row.id, takenAt: row.taken_at, hasMotion: row.motion_path !== null }));
}

/** What the item records of the MOV its motion was made from (media_files.metadata.live). */
export interface MotionSource {
  /** As dropped (IMG_0001.MOV); null for a clip that was inside the photo. */
  name: string | null;
  mime: string | null;
  size: number;
  /** The sealed MOV's name in the item's originals folder; null when it was not kept. */
  file: string | null;
  contentIdentifier: string | null;
}

/**
 * Gives the item its motion and notes where it came from, if the item is still a completed
 * photo on that generation without motion.
 */
export async function recordMotion(
  trx: Db,
  item: { mediaId: string; generation: number; motionPath: string },
  source: MotionSource,
): Promise<boolean> {
  const result = await trx
    .updateTable('media_files')
    .set({
      motion_path: item.motionPath,
      metadata: sql`metadata || jsonb_build_object('live', ${JSON.stringify(source)}::jsonb)`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', item.mediaId)
    .where('generation', '=', item.generation)
    .where('status', '=', 'completed')
    .where('type', '=', 'image')
    .where('motion_path', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The MOV an item keeps sealed beside its still, read back from `metadata.live` (written by
 * recordMotion); null when the item has none or it was not kept.
 */
export function keptMotionSource(
  metadata: Record<string, unknown>,
): (MotionSource & { name: string; file: string }) | null {
  const live = metadata.live as Partial<MotionSource> | undefined;
  return typeof live?.name === 'string' && typeof live.file === 'string'
    ? (live as MotionSource & { name: string; file: string })
    : null;
}
