import { Type } from '@sinclair/typebox';
import { uuidPattern } from '@keepsake/contracts';
import { mediaLibrary } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { MediaItem, mediaItemView } from '../../views/mediaItemView.js';
import { decodeCursor, encodeCursor } from '../../paging/cursor.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses } from '../../schemas/common.js';
import { libraryFilterFrom, libraryFilterQuery } from '../../search/libraryFilter.js';

function isSortKeyAndId(values: unknown[]): values is [string, string] {
  return (
    values.length === 2 &&
    typeof values[0] === 'string' &&
    values[0].length <= 1000 &&
    typeof values[1] === 'string' &&
    uuidPattern.test(values[1])
  );
}

const KeysetPage = Type.Object(
  {
    items: Type.Array(MediaItem),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
    total: Type.Integer(),
  },
  { title: 'LibraryKeysetPage', description: 'without page: keyset paging, pass next_cursor back as cursor' },
);

const NumberedPage = Type.Object(
  {
    data: Type.Array(MediaItem),
    pagination: Type.Object({
      total: Type.Integer(),
      page: Type.Integer(),
      limit: Type.Integer(),
      pages: Type.Integer(),
    }),
  },
  { title: 'LibraryNumberedPage', description: "with page: the design document's envelope" },
);

const LibraryQuery = Type.Object(
  {
    ...libraryFilterQuery,
    sort: Type.Union(
      [Type.Literal('taken'), Type.Literal('created'), Type.Literal('created_at'), Type.Literal('name')],
      { default: 'taken', description: "created_at is the design document's name for created" },
    ),
    order: Type.Union([Type.Literal('desc'), Type.Literal('asc')], { default: 'desc' }),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 60 }),
    cursor: Type.Optional(Type.String({ maxLength: 2000, description: 'keyset paging: next_cursor of the last page' })),
    page: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description: "numbered paging (the design document's): answers {data, pagination} instead",
      }),
    ),
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'jump: start at this instant of a date order (desc: items before it, asc: at or after it), e.g. the first instant after a month to show that month first',
      }),
    ),
  },
  // An unknown parameter is most often a misspelt one: say so rather than answer the whole gallery.
  { additionalProperties: false },
);

export function libraryRoutes(app: App): void {
  app.get(
    '/api/media/library',
    {
      schema: {
        tags: ['media'],
        summary: 'The gallery, a page at a time: keyset paging (cursor), or numbered pages (page)',
        querystring: LibraryQuery,
        response: { 200: Type.Union([KeysetPage, NumberedPage]), ...errorResponses },
      },
    },
    async (request) => {
      const { order, limit, cursor, page, from } = request.query;
      const { userId, sessionId } = request.auth!;
      if (page !== undefined && cursor !== undefined) {
        throw new ApiError('SYSTEM_003', 'Use either page or cursor, not both.', [
          { in: 'querystring', field: 'cursor', message: 'is given together with page' },
        ]);
      }
      const sort = request.query.sort === 'created_at' ? 'created' : request.query.sort;
      if (from && sort === 'name') {
        throw new ApiError('SYSTEM_003', 'A jump to a date needs a date order (sort=taken or sort=created).', [
          { in: 'querystring', field: 'from', message: 'needs sort=taken or sort=created' },
        ]);
      }
      const filter = libraryFilterFrom(request.query, userId);
      const after = cursor ? decodeCursor(cursor, isSortKeyAndId) : undefined;
      const [rows, total] = await Promise.all([
        mediaLibrary.libraryPage(app.db, {
          ...filter,
          viewer: userId,
          sort,
          order,
          limit: limit + 1,
          after: after && { sortKey: after[0], id: after[1] },
          offset: page === undefined ? undefined : (page - 1) * limit,
          from: from ? new Date(from) : undefined,
        }),
        mediaLibrary.countLibrary(app.db, filter),
      ]);
      const items = rows
        .slice(0, limit)
        .map((row) => mediaItemView(row, app.mediaUrls.itemTokens(sessionId, row.id), row.is_favourite));
      if (page !== undefined) {
        return { data: items, pagination: { total, page, limit, pages: Math.ceil(total / limit) } };
      }
      const last = rows[limit - 1];
      return {
        items,
        next_cursor: rows.length > limit && last ? encodeCursor([last.sort_key, last.id]) : null,
        total,
      };
    },
  );
}
