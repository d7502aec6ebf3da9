import { Type, type Static } from '@sinclair/typebox';
import type { mediaLibrary } from '@keepsake/database';
import { parseSearch } from './parseSearch.js';

/** The view a library request narrows to, shared by the pages and the per-month counts. */
export const libraryFilterQuery = {
  type: Type.Optional(
    Type.Union([Type.Literal('all'), Type.Literal('image'), Type.Literal('video')], {
      description: 'all (the same as leaving it out), image or video',
    }),
  ),
  favourites: Type.Optional(Type.Boolean({ description: 'only my favourites' })),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'search: words in the name, caption or camera, and dates (2024, June 2023, 2023-06-01..2023-06-30)',
    }),
  ),
  album: Type.Optional(Type.String({ format: 'uuid', description: 'only the items of this album' })),
};

type FilterQuery = Static<ReturnType<typeof Type.Object<typeof libraryFilterQuery>>>;

export function libraryFilterFrom(query: FilterQuery, userId: string): mediaLibrary.LibraryFilter {
  return {
    type: query.type === 'all' ? undefined : query.type,
    favouritesOf: query.favourites ? userId : undefined,
    album: query.album,
    search: query.q ? parseSearch(query.q) : undefined,
  };
}
