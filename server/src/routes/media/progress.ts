import { Type } from '@sinclair/typebox';
import { playbackProgress } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import type { MediaRouteDeps } from './mediaRouteDeps.js';
import { errorResponses, IdParams, NoContent } from '../../schemas/common.js';
import { requireCompletedMedia } from '../../media/requireCompletedMedia.js';
import { requireStreamSlot } from '../../media/requireStreamSlot.js';

export function progressRoutes(app: App, { streamLimiter }: MediaRouteDeps): void {
  app.put(
    '/api/media/:id/progress',
    {
      schema: {
        tags: ['media'],
        summary: 'Playback heartbeat (every ~10 s while playing): saves the position, holds a stream slot',
        params: IdParams,
        body: Type.Object(
          { position_seconds: Type.Number({ minimum: 0, maximum: 1e7 }) },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { userId, sessionId } = request.auth!;
      const item = await requireCompletedMedia(app.db, request.params.id);
      if (item.type !== 'video') throw new ApiError('SYSTEM_003', 'Only videos have a playback position.');
      await requireStreamSlot(streamLimiter, userId, sessionId, item.id);
      await playbackProgress.savePlaybackPosition(app.db, userId, item.id, request.body.position_seconds);
      return reply.code(204).send(null);
    },
  );
}
