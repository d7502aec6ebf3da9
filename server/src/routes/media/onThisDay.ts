import { Type } from '@sinclair/typebox';
import { onThisDay } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { MediaItem, mediaItemView } from '../../views/mediaItemView.js';
import { errorResponses } from '../../schemas/common.js';
import { isKnownTimeZone } from '../../input/isKnownTimeZone.js';

/** Enough for a strip and a slideshow; a busy birthday across many years still fits. */
const maxItems = 200;

/**
 * Memories: what was taken on the viewer's today in earlier years. "Today" is the viewer's, not
 * the server's: the client sends its calendar date and time zone, so a family spread over time
 * zones each sees their own day, and the server never guesses.
 */
export function onThisDayRoutes(app: App): void {
  app.get(
    '/api/media/library/on-this-day',
    {
      schema: {
        tags: ['media'],
        summary: 'On this day: items taken on this month and day in earlier years, grouped by years ago, newest first',
        querystring: Type.Object(
          {
            date: Type.String({ format: 'date', description: 'the viewer’s today, YYYY-MM-DD' }),
            tz: Type.String({
              maxLength: 64,
              default: 'UTC',
              description: 'the viewer’s IANA time zone (e.g. Europe/London): a day runs midnight to midnight there',
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            groups: Type.Array(
              Type.Object({
                years_ago: Type.Integer({ minimum: 1 }),
                year: Type.Integer(),
                items: Type.Array(MediaItem),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { date, tz } = request.query;
      if (!isKnownTimeZone(tz)) {
        throw new ApiError('SYSTEM_003', 'Unknown time zone.', [
          { in: 'querystring', field: 'tz', message: 'an IANA time zone such as Europe/London' },
        ]);
      }
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      const { userId, sessionId } = request.auth!;
      const rows = await onThisDay.onThisDay(app.db, {
        year,
        month,
        day,
        timeZone: tz,
        viewer: userId,
        limit: maxItems,
      });
      const groups = new Map<number, MediaItem[]>();
      for (const row of rows) {
        const items = groups.get(row.year) ?? [];
        items.push(mediaItemView(row, app.mediaUrls.itemTokens(sessionId, row.id), row.is_favourite));
        groups.set(row.year, items);
      }
      return {
        groups: [...groups].map(([groupYear, items]) => ({ years_ago: year - groupYear, year: groupYear, items })),
      };
    },
  );
}
