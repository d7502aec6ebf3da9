import type { App } from '../../app/types.js';
import { StreamLimiter } from '../../media/StreamLimiter.js';
import { itemRoutes } from './item.js';
import { libraryRoutes } from './library.js';
import type { MediaRouteDeps } from './mediaRouteDeps.js';
import { progressRoutes } from './progress.js';

/** The gallery and media delivery: library, items, playback progress. */
export async function mediaRoutes(app: App): Promise<void> {
  const deps: MediaRouteDeps = { streamLimiter: new StreamLimiter(app.redis, app.config.maxConcurrentStreams) };
  libraryRoutes(app);
  itemRoutes(app);
  progressRoutes(app, deps);
}
