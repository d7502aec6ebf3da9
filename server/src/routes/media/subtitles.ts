import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { renditions, SUBTITLE_MIME, subtitlePlaylistUrl, subtitleVttUrl } from '@keepsake/contracts';
import { mediaSubtitles, type MediaFile, type MediaSubtitle } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { subtitleMediaPlaylist } from '../../hls/addSubtitleTracks.js';
import { sendSealed } from '../../media/sendSealed.js';
import { errorResponses, Uuid } from '../../schemas/common.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';
import { mediaSecurity, SignedQuery } from './mediaSchemas.js';

/** One subtitle track of an item: /…/:id/:track. */
const TrackParams = Type.Object({
  id: Uuid,
  track: Type.Integer({ minimum: 1, maximum: 9999 }),
});

async function requireTrack(app: App, id: string, track: number): Promise<{ item: MediaFile; row: MediaSubtitle }> {
  const item = await requireCompletedMedia(app.db, id);
  const row = item.type === 'video' ? await mediaSubtitles.findTrack(app.db, id, track) : undefined;
  if (!row || !item.asset_dir) throw new ApiError('MEDIA_001', 'This video has no such subtitle track.');
  return { item, row };
}

/**
 * A video's subtitle tracks, which the master playlist lists: the track's one-segment playlist
 * and its WebVTT, decrypted on the way out. Signed like the stream (`stream:<id>`), so the
 * master's token opens them and nothing else's does; a trashed item's tracks are 404 at once.
 */
export function subtitleRoutes(app: App): void {
  app.get(
    subtitlePlaylistUrl(':id', ':track'),
    {
      config: { access: 'media-item', mediaPurpose: 'stream' },
      schema: {
        tags: ['media'],
        summary: 'The HLS media playlist of one subtitle track (its WebVTT URI signed)',
        security: mediaSecurity,
        params: TrackParams,
        querystring: SignedQuery,
        produces: [renditions.stream.mime],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { id, track } = request.params;
      const { item } = await requireTrack(app, id, track);
      const token = app.mediaUrls.sign(request.auth!.sessionId, `stream:${id}`);
      const body = subtitleMediaPlaylist(item.duration ?? 0, `${subtitleVttUrl(id, track)}?t=${token}`);
      return reply.header('content-type', renditions.stream.mime).header('cache-control', 'no-store').send(body);
    },
  );

  app.get(
    subtitleVttUrl(':id', ':track'),
    {
      config: { access: 'media-item', mediaPurpose: 'stream' },
      schema: {
        tags: ['media'],
        summary: 'One subtitle track as WebVTT, decrypted',
        security: mediaSecurity,
        params: TrackParams,
        querystring: SignedQuery,
        produces: [SUBTITLE_MIME],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { item, row } = await requireTrack(app, request.params.id, request.params.track);
      return sendSealed(app.sealedFiles, request, reply, {
        mediaId: item.id,
        relativePath: path.posix.join(item.asset_dir!, row.file),
        contentType: `${SUBTITLE_MIME}; charset=utf-8`,
        cache: 'no-store',
      });
    },
  );
}
