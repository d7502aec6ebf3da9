import { renditionNames, renditionPath, renditions, renditionUrl, type Rendition } from '@keepsake/contracts';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { sendSealed } from '../../media/sendSealed.js';
import { errorResponses, IdParams } from '../../schemas/common.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';
import { sendPhoto } from '../../media/sendPhoto.js';
import { mediaSecurity, SignedQuery } from './mediaSchemas.js';

/** One route per sealed picture of the renditions table (`route: 'image'`), decrypted on the way out. */
export function imageRoutes(app: App): void {
  for (const name of renditionNames) {
    const rendition: Rendition = renditions[name];
    if (rendition.route !== 'image') continue;
    const { purpose, cache = 'revalidate', summary = name } = rendition;
    const contentType = rendition.mime ?? 'application/octet-stream';
    app.get(
      renditionUrl(name, ':id'),
      {
        config: { access: 'media-item', mediaPurpose: purpose },
        schema: {
          tags: ['media'],
          summary: `${summary} (signed URL)`,
          security: mediaSecurity,
          params: IdParams,
          querystring: SignedQuery,
          produces: [contentType],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const item = await requireCompletedMedia(app.db, request.params.id);
        if (name === 'image') return sendPhoto(app, request, reply, item);
        const relativePath = renditionPath(item, name);
        if (!relativePath) throw new ApiError('MEDIA_001', `This item has no ${name}.`);
        return sendSealed(app.sealedFiles, request, reply, { mediaId: item.id, relativePath, contentType, cache });
      },
    );
  }
}
