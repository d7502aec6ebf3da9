import fs from 'node:fs/promises';
import path from 'node:path';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { segmentPath } from '../../hls/segmentPath.js';
import { requireServedGeneration } from '../../hls/servedGeneration.js';
import { errorResponses } from '../../schemas/common.js';
import type { MediaRouteDeps } from './mediaRouteDeps.js';
import { mediaSecurity, SegmentParams, SignedQuery } from './mediaSchemas.js';
import { requireStreamSlot } from '../../media/requireStreamSlot.js';

/**
 * Where nginx serves ASSETS_DIR from, as an `internal` location: the server only decides,
 * nginx sends the (already encrypted) file with sendfile. Documented in ARCHITECTURE.md.
 */
const protectedLocation = '/_protected/';

const segmentTypes: Record<string, string> = {
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  aac: 'audio/aac',
};

export function segmentRoutes(app: App, { streamLimiter }: MediaRouteDeps): void {
  const { assetsDir, accelRedirect } = app.config;

  app.get(
    '/api/media/segment/:id/g:generation/:variant/:file',
    {
      config: { access: 'media-item', mediaPurpose: 'stream' },
      schema: {
        tags: ['media'],
        summary: 'An AES-128 encrypted HLS segment (X-Accel-Redirect behind nginx, streamed otherwise)',
        security: mediaSecurity,
        params: SegmentParams,
        querystring: SignedQuery,
        produces: ['video/mp2t'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { id, generation, variant, file } = request.params;
      await requireStreamSlot(streamLimiter, request.auth!.userId, request.auth!.sessionId, id);
      const relative = segmentPath(assetsDir, { mediaId: id, generation, variant, file });
      if (!relative) throw new ApiError('MEDIA_001');
      await requireServedGeneration(app.db, id, generation);
      const extension = path.extname(file).slice(1);
      reply
        .header('content-type', segmentTypes[extension] ?? 'application/octet-stream')
        // Kept by the browser only to revalidate (ETag), so the session is asked before any reuse.
        .header('cache-control', 'private, no-cache');
      // Checked here even behind nginx: a missing file there would be nginx's error-log line,
      // and that line carries the whole request, ?t= token included.
      let size: number;
      try {
        size = (await fs.stat(path.join(assetsDir, relative))).size;
      } catch {
        throw new ApiError('MEDIA_001', 'No such segment.');
      }
      // Behind nginx the body is nginx's: the file's size is what it sends.
      await request.auditView(id, { kind: 'segment', generation, variant }, size);
      if (accelRedirect) {
        return reply.header('x-accel-redirect', `${protectedLocation}${relative}`).send();
      }
      return reply.sendFile(relative, assetsDir, { cacheControl: false, lastModified: false, dotfiles: 'deny' });
    },
  );
}
