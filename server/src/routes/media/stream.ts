import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { renditions, renditionUrl } from '@keepsake/contracts';
import { mediaSubtitles } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { addSubtitleTracks } from '../../hls/addSubtitleTracks.js';
import { rewriteMasterPlaylist, rewriteVariantPlaylist, UnexpectedPlaylistError } from '../../hls/rewritePlaylists.js';
import { variantPlaylistPath } from '../../hls/segmentPath.js';
import { requireServedGeneration } from '../../hls/servedGeneration.js';
import { storageError } from '../../media/storageError.js';
import { errorResponses, IdParams } from '../../schemas/common.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';
import { sendPhoto } from '../../media/sendPhoto.js';
import type { MediaRouteDeps } from './mediaRouteDeps.js';
import { requireStreamSlot } from '../../media/requireStreamSlot.js';
import { mediaSecurity, SignedQuery, VariantParams } from './mediaSchemas.js';

const playlistType = renditions.stream.mime;

async function readPlaylist(request: FastifyRequest, file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('MEDIA_001', 'The playlist is missing.');
    throw storageError(error, request, file);
  }
}

/** A playlist on disk that is not what the processor writes is damaged data, not a client error. */
function rewriteOrFail<T>(request: FastifyRequest, rewrite: () => T): T {
  try {
    return rewrite();
  } catch (error) {
    request.log.error(
      { err: error, unexpected: error instanceof UnexpectedPlaylistError },
      'playlist cannot be served',
    );
    throw new ApiError('MEDIA_005', 'The stored playlist is damaged.');
  }
}

export function streamRoutes(app: App, { streamLimiter }: MediaRouteDeps): void {
  const { assetsDir } = app.config;

  app.get(
    renditionUrl('stream', ':id'),
    {
      config: { access: 'media-item', mediaPurpose: 'stream' },
      schema: {
        tags: ['media'],
        summary:
          'The master HLS playlist (variant, key and segment URIs inside are absolute-path and signed); for a photo, the photo (WebP)',
        security: mediaSecurity,
        params: IdParams,
        querystring: SignedQuery,
        produces: [playlistType, 'image/webp'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { userId, sessionId } = request.auth!;
      const item = await requireCompletedMedia(app.db, request.params.id);
      // The design document's gallery streams photos too: the decrypted WebP, as /image gives it.
      if (item.type === 'image') return sendPhoto(app, request, reply, item);
      if (!item.playlist_path) throw new ApiError('MEDIA_001', 'This video has no playlist.');
      if (!(await streamLimiter.claim(userId, sessionId, item.id))) {
        request.audit({ action: 'media.stream_refused', mediaId: item.id, status: 429 });
        throw new ApiError('MEDIA_006');
      }
      const text = await readPlaylist(request, path.resolve(assetsDir, item.playlist_path));
      const itemToken = app.mediaUrls.sign(sessionId, `stream:${item.id}`);
      const tracks = await mediaSubtitles.listTracks(app.db, item.id);
      const body = addSubtitleTracks(
        rewriteOrFail(request, () =>
          rewriteMasterPlaylist(text, { mediaId: item.id, generation: item.generation, itemToken }),
        ),
        tracks,
        { mediaId: item.id, itemToken },
      );
      request.auditDelivery({
        action: 'media.stream_start',
        mediaId: item.id,
        details: { generation: item.generation },
      });
      return reply.header('content-type', playlistType).header('cache-control', 'no-store').send(body);
    },
  );

  app.get(
    '/api/media/stream/:id/g:generation/:variant/index.m3u8',
    {
      config: { access: 'media-item', mediaPurpose: 'stream' },
      schema: {
        tags: ['media'],
        summary: 'A variant playlist of one key generation, its key and segment URIs signed',
        security: mediaSecurity,
        params: VariantParams,
        querystring: SignedQuery,
        produces: [playlistType],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { userId, sessionId } = request.auth!;
      const { id, generation, variant } = request.params;
      await requireStreamSlot(streamLimiter, userId, sessionId, id);
      const relative = variantPlaylistPath(assetsDir, { mediaId: id, generation, variant });
      if (!relative) throw new ApiError('MEDIA_001');
      await requireServedGeneration(app.db, id, generation);
      const text = await readPlaylist(request, path.join(assetsDir, relative));
      const body = rewriteOrFail(request, () =>
        rewriteVariantPlaylist(text, {
          mediaId: id,
          generation,
          variant,
          itemToken: app.mediaUrls.sign(sessionId, `stream:${id}`),
          keyToken: (keyId) => app.mediaUrls.sign(sessionId, `key:${keyId}`),
        }),
      );
      return reply.header('content-type', playlistType).header('cache-control', 'no-store').send(body);
    },
  );
}
