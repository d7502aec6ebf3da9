import { Type } from '@sinclair/typebox';
import { renditions, renditionUrl, TRICKPLAY_MIME, trickplaySheetFile } from '@keepsake/contracts';
import type { App } from '../../app/types.js';
import { readTrickplayIndex, trickplayDir } from '../../media/readTrickplayIndex.js';
import { sendSealed } from '../../media/sendSealed.js';
import { errorResponses, IdParams, Uuid } from '../../schemas/common.js';
import { trickplaySheetUrl, trickplayView, TrickplayView } from '../../views/trickplayView.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';
import { mediaSecurity, SignedQuery } from './mediaSchemas.js';

const SheetParams = Type.Object({ id: Uuid, sheet: Type.Integer({ minimum: 0, maximum: 999 }) });
const access = { access: 'media-item', mediaPurpose: renditions.trickplay.purpose } as const;

/** A video's seek-bar previews: the index (JSON, sheets by signed URL) and each sprite sheet, decrypted. */
export function trickplayRoutes(app: App): void {
  app.get(
    renditionUrl('trickplay', ':id'),
    {
      config: access,
      schema: {
        tags: ['media'],
        summary: "A video's seek-bar previews: where each moment's frame is in which sheet (signed URL)",
        security: mediaSecurity,
        params: IdParams,
        querystring: SignedQuery,
        response: { 200: TrickplayView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const item = await requireCompletedMedia(app.db, request.params.id);
      const index = await readTrickplayIndex(app.sealedFiles, item);
      const token = app.mediaUrls.sign(request.auth!.sessionId, `${renditions.trickplay.purpose}:${item.id}`);
      // Its sheet URLs carry a token, so it is kept no longer than the item view that linked it.
      reply.header('cache-control', 'private, no-store');
      return trickplayView(index, item.id, token);
    },
  );

  app.get(
    trickplaySheetUrl(':id', ':sheet'),
    {
      config: access,
      schema: {
        tags: ['media'],
        summary: 'One sprite sheet of seek-bar previews (WebP, signed URL)',
        security: mediaSecurity,
        params: SheetParams,
        querystring: SignedQuery,
        produces: [TRICKPLAY_MIME],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const item = await requireCompletedMedia(app.db, request.params.id);
      const relativePath = `${trickplayDir(item)}/${trickplaySheetFile(request.params.sheet)}`;
      return sendSealed(app.sealedFiles, request, reply, {
        mediaId: item.id,
        relativePath,
        contentType: TRICKPLAY_MIME,
        cache: 'revalidate',
      });
    },
  );
}
