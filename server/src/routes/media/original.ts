import { renditionUrl } from '@keepsake/contracts';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { attachment } from '../../media/contentDisposition.js';
import { requireDownloadRight } from '../../media/downloadRight.js';
import { sendSealed } from '../../media/sendSealed.js';
import { errorResponses, IdParams } from '../../schemas/common.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';
import { mediaSecurity, SignedQuery } from './mediaSchemas.js';

export function originalRoutes(app: App): void {
  app.get(
    renditionUrl('original', ':id'),
    {
      config: { access: 'media-item', mediaPurpose: 'original' },
      schema: {
        tags: ['media'],
        summary: 'The original file, decrypted, under its original name (Range supported)',
        description: 'Admins always; members while MEMBERS_CAN_DOWNLOAD (else 403 DOWNLOAD_001).',
        security: mediaSecurity,
        params: IdParams,
        querystring: SignedQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      await requireDownloadRight(app, request.auth!.userId);
      const item = await requireCompletedMedia(app.db, request.params.id);
      if (!item.original_path) throw new ApiError('MEDIA_001', 'The original of this item was not kept.');
      if (!request.headers.range) request.auditDelivery({ action: 'media.download', mediaId: item.id });
      return sendSealed(app.sealedFiles, request, reply, {
        mediaId: item.id,
        relativePath: item.original_path,
        contentType: item.mime ?? 'application/octet-stream',
        cache: 'no-store',
        ranges: true,
        headers: { 'content-disposition': attachment(item.original_name) },
      });
    },
  );
}
