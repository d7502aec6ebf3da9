import { Type } from '@sinclair/typebox';
import { mediaLibrary } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { MediaItem, mediaItemView } from '../../media/mediaItemView.js';
import { decodeCursor, encodeCursor } from '../../paging/cursor.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses } from '../../schemas/common.js';
import { libraryFilterFrom, libraryFilterQuery } from './libraryFilter.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
          ...libraryFilterQuery,
          sort: Type.Union([Type.Literal('taken'), Type.Literal('created'), Type.Literal('name')], {
            default: 'taken',
          }),
          order: Type.Union([Type.Literal('desc'), Type.Literal('asc')], { default: 'desc' }),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 60 }),
          cursor: Type.Optional(Type.String({ maxLength: 2000 })),
          from: Type.Optional(
            Type.String({
              format: 'date-time',
              description:
                'jump: start at this instant of a date order (desc: items before it, asc: at or after it), e.g. the first instant after a month to show that month first',
            }),
          ),
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
      const { sort, order, limit, cursor, from } = request.query;
      const { userId, sessionId } = request.auth!;
      const filter = libraryFilterFrom(request.query, userId);
      if (from && sort === 'name') {
        throw new ApiError('SYSTEM_003', 'A jump to a date needs a date order (sort=taken or sort=created).', [
          { in: 'querystring', field: 'from', message: 'needs sort=taken or sort=created' },
        ]);
      }
      const after = cursor ? decodeCursor(cursor, isSortKeyAndId) : undefined;
      const [rows, total] = await Promise.all([
        mediaLibrary.libraryPage(app.db, {
          ...filter,
          viewer: userId,
          sort,
          order,
          limit: limit + 1,
          after: after && { sortKey: after[0], id: after[1] },
          from: from ? new Date(from) : undefined,
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
