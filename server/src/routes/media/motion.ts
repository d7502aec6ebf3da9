import { renditionPath, renditions, renditionUrl } from '@keepsake/contracts';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { sendSealed } from '../../media/sendSealed.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';
import { errorResponses, IdParams } from '../../schemas/common.js';
import { mediaSecurity, SignedQuery } from './mediaSchemas.js';

/**
 * A Live Photo's motion (MP4, muted, a few seconds), decrypted on the way out with Range (the
 * `<video>` element, Safari above all, asks in ranges). 404 for a photo without motion, and for
 * one in the trash like every item route.
 */
export function motionRoutes(app: App): void {
  const { mime, purpose } = renditions.motion;
  app.get(
    renditionUrl('motion', ':id'),
    {
      config: { access: 'media-item', mediaPurpose: purpose },
      schema: {
        tags: ['media'],
        summary: "A Live Photo's motion (MP4, no sound; signed URL, Range supported)",
        security: mediaSecurity,
        params: IdParams,
        querystring: SignedQuery,
        produces: [mime],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const item = await requireCompletedMedia(app.db, request.params.id);
      const relativePath = renditionPath(item, 'motion');
      if (!relativePath) throw new ApiError('MEDIA_001', 'This item has no motion.');
      return sendSealed(app.sealedFiles, request, reply, {
        mediaId: item.id,
        relativePath,
        contentType: mime,
        cache: 'revalidate',
        ranges: true,
      });
    },
  );
}
