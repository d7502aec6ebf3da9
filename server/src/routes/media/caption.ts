import { Type } from '@sinclair/typebox';
import { mediaSearch } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses, IdParams, NoContent } from '../../schemas/common.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';

/** The longest caption: a line or two about the moment, not an essay. */
const maxCaptionLength = 500;

/** A caption is the household's, like the item: any signed-in person may write or clear it. */
export function captionRoutes(app: App): void {
  app.patch(
    '/api/media/:id',
    {
      schema: {
        tags: ['media'],
        summary: 'Change the item’s caption (trimmed; empty or null clears it)',
        params: IdParams,
        body: Type.Object(
          {
            caption: Type.Union([
              // Room for surrounding spaces; the limit that counts is checked after trimming.
              Type.String({ maxLength: maxCaptionLength * 2 }),
              Type.Null(),
            ]),
          },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const item = await requireCompletedMedia(app.db, request.params.id);
      const caption = request.body.caption?.trim() || null;
      if (caption !== null && [...caption].length > maxCaptionLength) {
        throw new ApiError('SYSTEM_003', `A caption is at most ${maxCaptionLength} characters.`, [
          { in: 'body', field: 'caption', message: `longer than ${maxCaptionLength} characters` },
        ]);
      }
      await mediaSearch.setCaption(app.db, item.id, caption);
      request.audit({ action: 'media.caption', mediaId: item.id });
      return reply.code(204).send(null);
    },
  );
}
