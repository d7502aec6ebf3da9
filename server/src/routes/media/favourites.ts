import { favourites } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { errorResponses, IdParams, NoContent } from '../../schemas/common.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';

/** Each person's own favourites: a heart on an item means "mine", never the household's. */
export function favouriteRoutes(app: App): void {
  app.put(
    '/api/media/:id/favourite',
    {
      schema: {
        tags: ['media'],
        summary: 'Mark the item as one of my favourites (again: no change)',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const item = await requireCompletedMedia(app.db, request.params.id);
      await favourites.addFavourite(app.db, request.auth!.userId, item.id);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/media/:id/favourite',
    {
      schema: {
        tags: ['media'],
        summary: 'No longer one of my favourites (not one: no change)',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await favourites.removeFavourite(app.db, request.auth!.userId, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
