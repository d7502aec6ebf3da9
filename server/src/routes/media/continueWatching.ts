import { Type } from '@sinclair/typebox';
import { continueWatching } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { MediaItem, mediaItemView } from '../../views/mediaItemView.js';
import { errorResponses, IdParams, NoContent, Timestamp } from '../../schemas/common.js';

/** A row, not a library: the last few things someone was in the middle of. */
const rowLength = 20;

/** Each person's own half-watched videos, from the positions the player's heartbeat saves. */
export function continueWatchingRoutes(app: App): void {
  app.get(
    '/api/media/library/continue-watching',
    {
      schema: {
        tags: ['media'],
        summary: 'Continue watching: my started, unfinished videos, most recently watched first',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                item: MediaItem,
                position_seconds: Type.Number({ description: 'where to resume' }),
                watched_at: Timestamp,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { userId, sessionId } = request.auth!;
      const rows = await continueWatching.continueWatching(app.db, userId, rowLength);
      return {
        items: rows.map((row) => ({
          item: mediaItemView(row, app.mediaUrls.itemTokens(sessionId, row.id), row.is_favourite),
          position_seconds: row.position_seconds,
          watched_at: row.watched_at.toISOString(),
        })),
      };
    },
  );

  app.delete(
    '/api/media/:id/continue-watching',
    {
      schema: {
        tags: ['media'],
        summary: 'Take the video off my Continue watching row (its resume position stays; not on it: no change)',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const dismissed = await continueWatching.dismiss(app.db, request.auth!.userId, request.params.id);
      if (dismissed) request.audit({ action: 'media.continue_dismiss', mediaId: request.params.id });
      return reply.code(204).send(null);
    },
  );
}
