import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';
import { queuedFilesByStem, type FileOfStem } from './queue/queuedFilesByStem.js';
import type { RawPair, RawPairState } from '../db/schema.js';

/** A shot: its folder inside imports/ and base name, lower-cased (`dcim/img_0001`). */
export interface Shot {
  folder: string;
  base: string;
}

/**
 * The shot's row, made if missing, locked until the transaction ends: only one RAW job decides
 * for a shot at a time, whichever processor runs it.
 */
export async function lockPair(trx: Db, shot: Shot, rawJobId: number): Promise<RawPair> {
  await trx
    .insertInto('raw_pairs')
    .values({ ...shot, raw_job_id: rawJobId, updated_at: sql<Date>`now()` })
    .onConflict((oc) => oc.columns(['folder', 'base']).doNothing())
    .execute();
  return trx
    .selectFrom('raw_pairs')
    .selectAll()
    .where('folder', '=', shot.folder)
    .where('base', '=', shot.base)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function setPair(
  trx: Db,
  shot: Shot,
  change: { state: RawPairState; rawJobId: number; mediaId?: string | null },
): Promise<void> {
  await trx
    .updateTable('raw_pairs')
    .set({
      state: change.state,
      raw_job_id: change.rawJobId,
      ...(change.mediaId === undefined ? {} : { media_id: change.mediaId }),
      updated_at: sql<Date>`now()`,
    })
    .where('folder', '=', shot.folder)
    .where('base', '=', shot.base)
    .execute();
}

/** A file of the shot, as the queue holds it. */
export type ShotFile = FileOfStem;

/** The other queued files of the shot (IMG_0001.JPG beside IMG_0001.CR2), with the item each made. */
export function otherFilesOfShot(trx: Db, shot: Shot, jobId: number): Promise<ShotFile[]> {
  return queuedFilesByStem(trx, [shot.folder ? `${shot.folder}/${shot.base}` : shot.base], jobId);
}

/** The queue stage of a RAW released to wait for its shot's JPEG. */
export const PAIRING_STAGE = 'pairing';

/** What the item records of the RAW kept beside its JPEG (media_files.metadata.raw). */
export interface RawCompanion {
  /** As dropped (IMG_0001.CR2). */
  name: string;
  mime: string;
  size: number;
  /** The sealed file's name in the item's originals folder; null when originals are not kept. */
  file: string | null;
}

/**
 * The RAW an item keeps sealed beside its JPEG, read back from `metadata.raw` (written by
 * recordRawCompanion); null when the item has none or its originals were not kept.
 */
export function keptRawCompanion(metadata: Record<string, unknown>): (RawCompanion & { file: string }) | null {
  const raw = metadata.raw as Partial<RawCompanion> | undefined;
  return typeof raw?.name === 'string' && typeof raw.file === 'string'
    ? (raw as RawCompanion & { file: string })
    : null;
}

/** Notes the RAW on its JPEG's item, if the item is still completed on that generation. */
export async function recordRawCompanion(
  trx: Db,
  item: { mediaId: string; generation: number },
  raw: RawCompanion,
): Promise<boolean> {
  const result = await trx
    .updateTable('media_files')
    .set({
      metadata: sql`metadata || jsonb_build_object('raw', ${JSON.stringify(raw)}::jsonb)`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', item.mediaId)
    .where('generation', '=', item.generation)
    .where('status', '=', 'completed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
