import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { imageKinds } from '../../media/imageKinds.js';
import { sendSealed } from '../../media/sendSealed.js';
import { errorResponses, IdParams } from '../../schemas/common.js';
import { requireCompletedMedia } from './item.js';
import { sendPhoto } from './sendPhoto.js';
import { mediaSecurity, SignedQuery } from './mediaSchemas.js';

export function imageRoutes(app: App): void {
  for (const [kind, { column, purpose, cache, summary }] of Object.entries(imageKinds)) {
    app.get(
      `/api/media/${kind}/:id`,
      {
        config: { access: 'media-item', mediaPurpose: purpose },
        schema: {
          tags: ['media'],
          summary: `${summary} (signed URL)`,
          security: mediaSecurity,
          params: IdParams,
          querystring: SignedQuery,
          produces: ['image/webp'],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const item = await requireCompletedMedia(app, request.params.id);
        if (kind === 'image') return sendPhoto(app, request, reply, item);
        const relativePath = item[column];
        if (!relativePath) throw new ApiError('MEDIA_001', `This item has no ${kind}.`);
        return sendSealed(app.sealedFiles, request, reply, {
          mediaId: item.id,
          relativePath,
          contentType: 'image/webp',
          cache,
        });
      },
    );
  }
}
