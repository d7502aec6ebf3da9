import { ApiError } from '../errors/ApiError.js';
import type { StreamLimiter } from './StreamLimiter.js';

/**
 * Holds this session's slot for the item, else 429 MEDIA_006. Heartbeats, variant playlists and
 * segments all ask, so URLs kept from an earlier master playlist (or made without one) cannot
 * play a stream beyond MAX_CONCURRENT_STREAMS, and fetching segments keeps a slot alive.
 */
export async function requireStreamSlot(
  limiter: StreamLimiter,
  userId: string,
  sessionId: string,
  mediaId: string,
): Promise<void> {
  if (!(await limiter.claim(userId, sessionId, mediaId))) {
    throw new ApiError('MEDIA_006');
  }
}
