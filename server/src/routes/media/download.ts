import { Type } from '@sinclair/typebox';
import { MAX_DOWNLOAD_ITEMS } from '@keepsake/contracts';
import { mediaItems } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { attachment } from '../../media/contentDisposition.js';
import { DownloadRequests } from '../../media/DownloadRequests.js';
import { requireDownloadRight } from '../../media/downloadRight.js';
import { zipOriginals } from '../../media/zipOriginals.js';
import { errorResponses, IdParams, Uuid } from '../../schemas/common.js';
import { mediaSecurity, SignedQuery } from './mediaSchemas.js';

const downloadUrl = (id: string) => `/api/media/download/${id}`;

/** `keepsake-2026-12-02.zip`: which download it was, for the Downloads folder. */
function zipName(now: Date): string {
  return `keepsake-${now.toISOString().slice(0, 10)}.zip`;
}

/**
 * Several originals as one zip: the POST (a signed-in user, Bearer and CSRF as usual) says which
 * items and answers a short-lived signed URL, which the browser then navigates to.
 */
export function downloadRoutes(app: App): void {
  const requests = new DownloadRequests(app.redis);

  app.post(
    '/api/media/download',
    {
      schema: {
        tags: ['media'],
        summary: 'Prepare a zip of several originals; answers the URL to download it from',
        description: `403 DOWNLOAD_001 for members while MEMBERS_CAN_DOWNLOAD is off. At most ${MAX_DOWNLOAD_ITEMS} items; the URL works for 10 minutes, for this session only.`,
        body: Type.Object(
          { ids: Type.Array(Uuid, { minItems: 1, maxItems: MAX_DOWNLOAD_ITEMS, uniqueItems: true }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ url: Type.String() }), ...errorResponses },
      },
    },
    async (request) => {
      const { userId, sessionId } = request.auth!;
      await requireDownloadRight(app, userId);
      const id = await requests.create(request.body.ids);
      return { url: `${downloadUrl(id)}?t=${app.mediaUrls.sign(sessionId, `download:${id}`)}` };
    },
  );

  app.get(
    downloadUrl(':id'),
    {
      config: { access: 'media-download' },
      schema: {
        tags: ['media'],
        summary: 'The zip of the originals asked for, streamed (items without an original are named in SKIPPED.txt)',
        security: mediaSecurity,
        params: IdParams,
        querystring: SignedQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      await requireDownloadRight(app, request.auth!.userId);
      const ids = await requests.find(request.params.id);
      if (!ids) throw new ApiError('SYSTEM_005', 'This download has expired; ask for it again.');
      const found = new Map((await mediaItems.findMediaByIds(app.db, ids)).map((item) => [item.id, item]));
      const items = ids.flatMap((id) => found.get(id) ?? []);
      const archive = zipOriginals(app.sealedFiles, items, {
        included: (item) =>
          request.auditDelivery({ action: 'media.download', mediaId: item.id, details: { zip: true } }),
        failed: (item, error) => request.log.error({ err: error, mediaId: item.id }, 'original left out of a zip'),
      });
      // The client went away: stop reading originals.
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) archive.abort();
      });
      return reply
        .header('content-type', 'application/zip')
        .header('cache-control', 'no-store')
        .header('content-disposition', attachment(zipName(new Date())))
        .send(archive);
    },
  );
}
