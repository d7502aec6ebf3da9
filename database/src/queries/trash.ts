import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';
import type { MediaFile, MediaType } from '../db/schema.js';
import { containsPattern } from './mediaSearch.js';

/**
 * Puts completed items into the trash: they leave every view and their URLs stop, since all of
 * those ask for `completed`. Items already there or not in the gallery are left alone; the ids
 * that moved are returned.
 */
export async function moveToTrash(
  db: Db,
  ids: readonly string[],
  by: string | null,
  now = new Date(),
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('media_files')
    .set({ status: 'trashed', trashed_at: now, trashed_by: by, updated_at: now })
    .where('id', 'in', ids)
    .where('status', '=', 'completed')
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Back into the gallery as they were (favourites, albums, captions and positions were kept). */
export async function restoreFromTrash(db: Db, ids: readonly string[], now = new Date()): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('media_files')
    .set({ status: 'completed', trashed_at: null, trashed_by: null, updated_at: now })
    .where('id', 'in', ids)
    .where('status', '=', 'trashed')
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export interface TrashFilter {
  /** Only the items this person uploaded (a member's view of the trash). */
  uploadedBy?: string;
  /** Only items whose name contains this text (case-insensitive, literal). */
  name?: string;
  type?: MediaType;
  /** Keyset: items after this one in the listing's order (`cursor_at`, `cursor_sort`, id of the last row seen). */
  before?: { at: string; sortAt: string; id: string };
  limit: number;
}

export interface TrashRow extends MediaFile {
  /** trashed_at as PostgreSQL text: microsecond-exact, for paging cursors. */
  cursor_at: string;
  /** sort_date as text, the same way. */
  cursor_sort: string;
}

/**
 * What is in the trash, most recently trashed first; items trashed together (one selection) in
 * the gallery's order, newest taken first, so the listing is the same on every load.
 */
export async function listTrash(db: Db, filter: TrashFilter): Promise<TrashRow[]> {
  let query = db
    .selectFrom('media_files')
    .selectAll()
    .select(sql<string>`trashed_at::text`.as('cursor_at'))
    .select(sql<string>`sort_date::text`.as('cursor_sort'))
    .where('status', '=', 'trashed')
    .where('trashed_at', 'is not', null)
    .orderBy('trashed_at', 'desc')
    .orderBy('sort_date', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.uploadedBy) query = query.where('uploaded_by', '=', filter.uploadedBy);
  if (filter.name) query = query.where('original_name', 'ilike', containsPattern(filter.name));
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.before) {
    const { at, sortAt, id } = filter.before;
    query = query.where(
      sql<boolean>`(trashed_at, sort_date, id) < (${at}::timestamptz, ${sortAt}::timestamptz, ${id}::uuid)`,
    );
  }
  return query.execute();
}

/** Items trashed at or before `cutoff`: what the purge after TRASH_DAYS deletes for good. */
export async function listExpiredTrash(db: Db, cutoff: Date, limit = 500): Promise<MediaFile[]> {
  return db
    .selectFrom('media_files')
    .selectAll()
    .where('trashed_at', '<=', cutoff)
    .where('status', '=', 'trashed')
    .orderBy('trashed_at')
    .limit(limit)
    .execute();
}

export interface ItemSearch {
  status: 'completed' | 'trashed';
  /** Only items whose name contains this text (case-insensitive, literal); all without it. */
  name?: string;
  type?: MediaType;
  limit: number;
}

/** Library or trash items (the admin CLI's list and search), newest first. */
export async function findItems(db: Db, search: ItemSearch): Promise<MediaFile[]> {
  let query = db
    .selectFrom('media_files')
    .selectAll()
    .where('status', '=', search.status)
    .orderBy('sort_date', 'desc')
    .orderBy('id', 'desc')
    .limit(search.limit);
  if (search.name) query = query.where('original_name', 'ilike', containsPattern(search.name));
  if (search.type) query = query.where('type', '=', search.type);
  return query.execute();
}
