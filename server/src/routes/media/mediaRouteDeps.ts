import type { StreamLimiter } from '../../media/StreamLimiter.js';

/** What the media routes share. */
export interface MediaRouteDeps {
  streamLimiter: StreamLimiter;
}
