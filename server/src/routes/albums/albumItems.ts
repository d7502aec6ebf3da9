import { Type } from '@sinclair/typebox';
import { albums } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses, IdParams, NoContent, Uuid } from '../../schemas/common.js';
import { requireAlbum } from '../../albums/requireAlbum.js';
import { AlbumItemParams } from './albumSchemas.js';

/** Putting items in an album and taking them out; the items themselves are never touched. */
export function albumItemRoutes(app: App): void {
  app.post(
    '/api/albums/:id/items',
    {
      schema: {
        tags: ['albums'],
        summary: 'Add items (already in the album: no change); all must be in the gallery, else none is added',
        params: IdParams,
        body: Type.Object(
          { media_ids: Type.Array(Uuid, { minItems: 1, maxItems: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ added: Type.Integer(), item_count: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      await requireAlbum(app.db, id);
      const wanted = [...new Set(request.body.media_ids)];
      const present = await albums.completedMediaIds(app.db, wanted);
      const missing = wanted.filter((mediaId) => !present.has(mediaId));
      if (missing.length > 0) throw new ApiError('MEDIA_001', undefined, { missing });
      const added = await albums.addAlbumItems(app.db, id, wanted, request.auth!.userId);
      request.audit({ action: 'album.items_add', details: { album_id: id, requested: wanted.length, added } });
      return { added, item_count: (await requireAlbum(app.db, id)).item_count };
    },
  );

  app.delete(
    '/api/albums/:id/items/:mediaId',
    {
      schema: {
        tags: ['albums'],
        summary: 'Take one item out of the album (not in it: no change); the item stays in the gallery',
        params: AlbumItemParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, mediaId } = request.params;
      await requireAlbum(app.db, id);
      await albums.removeAlbumItem(app.db, id, mediaId);
      request.audit({ action: 'album.items_remove', mediaId, details: { album_id: id } });
      return reply.code(204).send(null);
    },
  );
}
