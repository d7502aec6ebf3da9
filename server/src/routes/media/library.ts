import { Type } from '@sinclair/typebox';
import { uuidPattern } from '@keepsake/contracts';
import { mediaLibrary } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { MediaItem, mediaItemView } from '../../media/mediaItemView.js';
import { decodeCursor, encodeCursor } from '../../paging/cursor.js';
import { errorResponses } from '../../schemas/common.js';
import { parseSearch } from '../../search/parseSearch.js';

function isSortKeyAndId(values: unknown[]): values is [string, string] {
  return (
    values.length === 2 &&
    typeof values[0] === 'string' &&
    values[0].length <= 1000 &&
    typeof values[1] === 'string' &&
    uuidPattern.test(values[1])
  );
}

export function libraryRoutes(app: App): void {
  app.get(
    '/api/media/library',
    {
      schema: {
        tags: ['media'],
        summary: 'The gallery, a page at a time (keyset paging: pass next_cursor back as cursor)',
        querystring: Type.Object({
          type: Type.Optional(Type.Union([Type.Literal('image'), Type.Literal('video')])),
          favourites: Type.Optional(Type.Boolean({ description: 'only my favourites' })),
          q: Type.Optional(
            Type.String({
              maxLength: 200,
              description:
                'search: words in the name, caption or camera, and dates (2024, June 2023, 2023-06-01..2023-06-30)',
            }),
          ),
          album: Type.Optional(Type.String({ format: 'uuid', description: 'only the items of this album' })),
          sort: Type.Union([Type.Literal('taken'), Type.Literal('created'), Type.Literal('name')], {
            default: 'taken',
          }),
          order: Type.Union([Type.Literal('desc'), Type.Literal('asc')], { default: 'desc' }),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 60 }),
          cursor: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(MediaItem),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
            total: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { type, favourites, album, q, sort, order, limit, cursor } = request.query;
      const { userId, sessionId } = request.auth!;
      const filter = {
        type,
        favouritesOf: favourites ? userId : undefined,
        album,
        search: q ? parseSearch(q) : undefined,
      };
      const after = cursor ? decodeCursor(cursor, isSortKeyAndId) : undefined;
      const [rows, total] = await Promise.all([
        mediaLibrary.libraryPage(app.db, {
          ...filter,
          viewer: userId,
          sort,
          order,
          limit: limit + 1,
          after: after && { sortKey: after[0], id: after[1] },
        }),
        mediaLibrary.countLibrary(app.db, filter),
      ]);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => mediaItemView(row, app.mediaUrls.itemTokens(sessionId, row.id), row.is_favourite)),
        next_cursor: rows.length > limit && last ? encodeCursor([last.sort_key, last.id]) : null,
        total,
      };
    },
  );
}
