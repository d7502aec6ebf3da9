import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/createDb.js';

/** What the search box asked for, already parsed (server/src/search/parseSearch.ts). */
export interface LibrarySearch {
  /** Every word must appear, anywhere in the name, the caption or the camera make/model. */
  words: string[];
  /** Taken (or, for items with no date, added) in [from, before). */
  dateRange?: { from: Date; before: Date };
}

/**
 * The camera as one lower-case text, exactly the expression migration 0006 indexes
 * (media_search_camera_idx): any other spelling and PostgreSQL cannot use the index.
 */
const cameraText = sql<string>`lower(coalesce(metadata #>> '{camera,make}', '') || ' ' || coalesce(metadata #>> '{camera,model}', ''))`;

/** The user's text as a LIKE pattern that matches it literally: %, _ and \ are escaped, not wildcards. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The search conditions, all values bound. `lower(column) LIKE lower(pattern)` rather than ILIKE
 * on the raw column, so the pg_trgm indexes on lower(...) serve it.
 */
export function searchConditions(search: LibrarySearch): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = search.words.map((word) => {
    const pattern = sql`lower(${containsPattern(word)})`;
    return sql<SqlBool>`(lower(original_name) LIKE ${pattern} OR lower(caption) LIKE ${pattern} OR ${cameraText} LIKE ${pattern})`;
  });
  if (search.dateRange) {
    const { from, before } = search.dateRange;
    conditions.push(sql<SqlBool>`(sort_date >= ${from} AND sort_date < ${before})`);
  }
  return conditions;
}

export function isSearching(search: LibrarySearch | undefined): search is LibrarySearch {
  return !!search && (search.words.length > 0 || !!search.dateRange);
}

/** Sets (or, with null, clears) an item's caption; false when there is no such item. */
export async function setCaption(db: Db, mediaId: string, caption: string | null): Promise<boolean> {
  const result = await db.updateTable('media_files').set({ caption }).where('id', '=', mediaId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
