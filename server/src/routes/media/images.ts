import type { MediaFile } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { sendSealed } from '../../media/sendSealed.js';
import { errorResponses, IdParams } from '../../schemas/common.js';
import { requireCompletedMedia } from './item.js';
import { mediaSecurity, SignedQuery } from './mediaSchemas.js';

/** The decrypted WebP images of an item, by URL name and the media_files column holding each. */
const images = {
  thumbnail: { column: 'thumbnail_path', summary: 'The 300×300 tile' },
  image: { column: 'image_path', summary: 'The photo (WebP, at most 3840×2160)' },
  preview: { column: 'preview_path', summary: "A video's animated hover preview" },
  scenes: { column: 'scene_preview_path', summary: "A video's animated scene preview" },
  poster: { column: 'poster_path', summary: "A video's still poster" },
} as const satisfies Record<string, { column: keyof MediaFile; summary: string }>;

export function imageRoutes(app: App): void {
  for (const [kind, { column, summary }] of Object.entries(images)) {
    app.get(
      `/api/media/${kind}/:id`,
      {
        config: { access: 'media-item' },
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
        const relativePath = item[column];
        if (!relativePath) throw new ApiError('MEDIA_001', `This item has no ${kind}.`);
        return sendSealed(app.sealedFiles, request, reply, {
          mediaId: item.id,
          relativePath,
          contentType: 'image/webp',
        });
      },
    );
  }
}
