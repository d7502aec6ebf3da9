import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { sendSealed } from '../../media/sendSealed.js';
import { errorResponses, IdParams } from '../../schemas/common.js';
import { selectManagedItems } from '../../trash/selectManagedItems.js';
import { trashDepsFor } from '../../trash/trashDepsFor.js';

/**
 * A trashed item's tile picture, for the Trash page only: Bearer-authenticated (no signed URL,
 * so nothing handed out before the trash opens it), for those who may restore it, never cached.
 */
export function trashThumbnailRoutes(app: App): void {
  app.get(
    '/api/trash/:id/thumbnail',
    {
      schema: {
        tags: ['trash'],
        summary: "A trashed item's thumbnail (WebP), for the Trash page: Bearer only, not cached",
        description:
          'Admins any trashed item, members the ones they uploaded (else 403 TRASH_001); 404 MEDIA_001 for an item not in the trash.',
        params: IdParams,
        produces: ['image/webp'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { actor } = trashDepsFor(app, request);
      const [item] = await selectManagedItems(app, actor, [request.params.id], ['trashed']);
      if (!item?.thumbnail_path) throw new ApiError('MEDIA_001', 'This item has no thumbnail.');
      return sendSealed(app.sealedFiles, request, reply, {
        mediaId: item.id,
        relativePath: item.thumbnail_path,
        contentType: 'image/webp',
        cache: 'no-store',
      });
    },
  );
}
