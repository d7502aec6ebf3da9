import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Db } from '../db/createDb.js';
import type { AlbumsTable } from '../db/schema.js';
import { libraryColumns } from './mediaLibrary.js';

export type Album = Selectable<AlbumsTable>;

export interface AlbumSummary extends Album {
  /** The chosen cover, else the album's first item in gallery order (null when empty). */
  effective_cover_id: string | null;
  item_count: number;
}

/** An album's items that are in the gallery: processing, failed or trashed items never show or count. */
function completedItemsOf(albumId: RawBuilder<unknown>) {
  return sql`album_items ai JOIN media_files m ON m.id = ai.media_id AND m.status = 'completed' WHERE ai.album_id = ${albumId}`;
}

function summaries(db: Db) {
  return db
    .selectFrom('albums')
    .selectAll('albums')
    .select(
      // A chosen cover in the trash is passed over like a removed one (restored, it is the cover again).
      sql<string | null>`COALESCE(
        (SELECT c.id FROM media_files c WHERE c.id = albums.cover_media_id AND c.status = 'completed'),
        (SELECT m.id FROM ${completedItemsOf(sql`albums.id`)} ORDER BY m.sort_date DESC, m.id DESC LIMIT 1))`.as(
        'effective_cover_id',
      ),
    )
    .select(sql<string>`(SELECT count(*) FROM ${completedItemsOf(sql`albums.id`)})`.as('item_count'));
}

const toSummary = (row: Omit<AlbumSummary, 'item_count'> & { item_count: string | number }): AlbumSummary => ({
  ...row,
  item_count: Number(row.item_count),
});

/** Every album of the household, most recently changed first. */
export async function listAlbums(db: Db): Promise<AlbumSummary[]> {
  const rows = await summaries(db).orderBy('albums.updated_at', 'desc').orderBy('albums.id').execute();
  return rows.map(toSummary);
}

export async function findAlbum(db: Db, id: string): Promise<AlbumSummary | undefined> {
  const row = await summaries(db).where('albums.id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}

/** The tile columns of the covers, to sign their thumbnail URLs. */
export async function coverRows(db: Db, mediaIds: string[]) {
  if (mediaIds.length === 0) return [];
  return db.selectFrom('media_files').select(libraryColumns).where('id', 'in', mediaIds).execute();
}

export async function createAlbum(
  db: Db,
  album: { name: string; description?: string; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('albums')
    .values({ name: album.name, description: album.description ?? '', created_by: album.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes what is given; false when there is no such album. */
export async function updateAlbum(
  db: Db,
  id: string,
  changes: { name?: string; description?: string; cover_media_id?: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('albums')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the album and its memberships; the media stay. */
export async function deleteAlbum(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('albums').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Which of these ids are items in the gallery (completed). */
export async function completedMediaIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('media_files')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'completed')
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Adds the items; ones already in the album stay as they were. Answers how many were new. */
export async function addAlbumItems(db: Db, albumId: string, mediaIds: string[], addedBy: string): Promise<number> {
  if (mediaIds.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .insertInto('album_items')
      .values(mediaIds.map((media_id) => ({ album_id: albumId, media_id, added_by: addedBy })))
      .onConflict((oc) => oc.columns(['album_id', 'media_id']).doNothing())
      .executeTakeFirst();
    await trx
      .updateTable('albums')
      .set({ updated_at: sql`now()` })
      .where('id', '=', albumId)
      .execute();
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  });
}

/** Takes the item out (not there: no change); if it was the cover, the default cover applies again. */
export async function removeAlbumItem(db: Db, albumId: string, mediaId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('album_items')
      .where('album_id', '=', albumId)
      .where('media_id', '=', mediaId)
      .executeTakeFirst();
    if (removed.numDeletedRows === 0n) return;
    await trx
      .updateTable('albums')
      .set((eb) => ({
        updated_at: sql`now()`,
        cover_media_id: eb.case().when('cover_media_id', '=', mediaId).then(null).else(eb.ref('cover_media_id')).end(),
      }))
      .where('id', '=', albumId)
      .execute();
  });
}

export async function isInAlbum(db: Db, albumId: string, mediaId: string): Promise<boolean> {
  const row = await db
    .selectFrom('album_items')
    .select('media_id')
    .where('album_id', '=', albumId)
    .where('media_id', '=', mediaId)
    .executeTakeFirst();
  return row !== undefined;
}
