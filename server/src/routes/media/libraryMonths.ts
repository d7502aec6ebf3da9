import { Type } from '@sinclair/typebox';
import { libraryTimeline } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { errorResponses } from '../../schemas/common.js';
import { libraryFilterFrom, libraryFilterQuery } from '../../search/libraryFilter.js';

/** Per-month counts of a library view: the timeline scrubber's scale, from the database, not from loaded rows. */
export function libraryMonthRoutes(app: App): void {
  app.get(
    '/api/media/library/months',
    {
      schema: {
        tags: ['media'],
        summary: 'How many items of the view each month (UTC) holds, newest first (months without items left out)',
        querystring: Type.Object(
          {
            ...libraryFilterQuery,
            sort: Type.Union([Type.Literal('taken'), Type.Literal('created')], { default: 'taken' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            months: Type.Array(
              Type.Object({
                month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM, UTC' }),
                count: Type.Integer({ minimum: 1 }),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      months: await libraryTimeline.libraryMonths(
        app.db,
        libraryFilterFrom(request.query, request.auth!.userId),
        request.query.sort,
      ),
    }),
  );
}
