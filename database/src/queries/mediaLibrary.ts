import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/createDb.js';
import { mediaPathColumns, type Database, type MediaFile, type MediaType } from '../db/schema.js';
import { isSearching, searchConditions, type LibrarySearch } from './mediaSearch.js';

export type LibrarySort = 'taken' | 'created' | 'name';
export type LibraryOrder = 'asc' | 'desc';

export interface LibraryFilter {
  type?: MediaType;
  /** Only this person's favourites. */
  favouritesOf?: string;
  /** What the search box asked for. */
  search?: LibrarySearch;
  /** Only the items of this album. */
  album?: string;
}

export interface LibraryPageQuery extends LibraryFilter {
  /** Whose favourites `is_favourite` reports. */
  viewer: string;
  sort: LibrarySort;
  order: LibraryOrder;
  limit: number;
  /** Keyset: the `sort_key` and id of the last item of the previous page. */
  after?: { sortKey: string; id: string };
  /**
   * Start the page at this instant of a date order (a jump to a month): descending, the items
   * before it; ascending, those at or after it. The same index range scan as any page.
   */
  from?: Date;
  /** Numbered pages (the design document's `page`): rows to skip. Keyset paging leaves it out. */
  offset?: number;
}

/** What a gallery tile needs; `sort_key` is the value the page is ordered by, as exact text for cursors. */
export const libraryColumns = [
  'id',
  'type',
  'original_name',
  'mime',
  'size',
  'width',
  'height',
  'duration',
  'taken_at',
  'created_at',
  'generation',
  'caption',
  ...mediaPathColumns,
] as const;

/**
 * The sort expressions, each matching one of the partial gallery indexes of migration 0001
 * (sort_date / created_at / lower(original_name), then id), so a page is an index range scan
 * whatever its depth.
 */
export const sortExpressions = {
  taken: { column: sql`sort_date`, key: sql<string>`sort_date::text`, cast: sql`::timestamptz` },
  created: { column: sql`created_at`, key: sql<string>`created_at::text`, cast: sql`::timestamptz` },
  name: { column: sql`lower(original_name)`, key: sql<string>`lower(original_name)`, cast: sql`` },
} as const;

export function isFavouriteOf(userId: string) {
  return sql<boolean>`EXISTS (SELECT 1 FROM favourites f WHERE f.user_id = ${userId} AND f.media_id = media_files.id)`;
}

function inAlbum(albumId: string) {
  return sql<boolean>`EXISTS (SELECT 1 FROM album_items ai WHERE ai.album_id = ${albumId} AND ai.media_id = media_files.id)`;
}

/** The gallery's completed items, narrowed by the view's filter. */
export function completed(db: Db, { type, favouritesOf, album, search }: LibraryFilter) {
  let query = db.selectFrom('media_files').where('status', '=', 'completed');
  if (type) query = query.where('type', '=', type);
  if (favouritesOf) query = query.where(isFavouriteOf(favouritesOf));
  if (album) query = query.where(inAlbum(album));
  if (isSearching(search)) for (const condition of searchConditions(search)) query = query.where(condition);
  return query;
}

export async function libraryPage(db: Db, q: LibraryPageQuery): Promise<LibraryRow[]> {
  const sort = sortExpressions[q.sort];
  const direction = q.order === 'desc' ? sql`DESC` : sql`ASC`;
  let query = completed(db, q)
    .select(libraryColumns)
    .select(sort.key.as('sort_key'))
    .select(isFavouriteOf(q.viewer).as('is_favourite'))
    .orderBy(sql`${sort.column} ${direction}`)
    .orderBy(sql`id ${direction}`)
    .limit(q.limit) as SelectQueryBuilder<Database, 'media_files', LibraryRow>;
  if (q.after) {
    const comparison = q.order === 'desc' ? sql`<` : sql`>`;
    query = query.where(
      sql<boolean>`(${sort.column}, id) ${comparison} (${q.after.sortKey}${sort.cast}, ${q.after.id}::uuid)`,
    );
  }
  if (q.from) {
    const comparison = q.order === 'desc' ? sql`<` : sql`>=`;
    query = query.where(sql<boolean>`${sort.column} ${comparison} ${q.from}`);
  }
  if (q.offset) query = query.offset(q.offset);
  return query.execute();
}

export type LibraryRow = Pick<MediaFile, (typeof libraryColumns)[number]> & {
  sort_key: string;
  is_favourite: boolean;
};

/**
 * Completed items (of one type), from the trigger-kept counts: one tiny read instead of a
 * count(*). A person's favourites and an album are counted directly: they are few, and found by
 * the key; so are search results, through the same trigram indexes as the page.
 */
export async function countLibrary(db: Db, { type, favouritesOf, album, search }: LibraryFilter): Promise<number> {
  if (favouritesOf || album || isSearching(search)) {
    const row = await completed(db, { type, favouritesOf, album, search })
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
  let query = db.selectFrom('media_gallery_counts').select((eb) => eb.fn.sum<number>('completed').as('count'));
  if (type) query = query.where('type', '=', type);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count ?? 0);
}
