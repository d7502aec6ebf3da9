import type { App } from '../../app/types.js';
import { StreamLimiter } from '../../media/StreamLimiter.js';
import { captionRoutes } from './caption.js';
import { favouriteRoutes } from './favourites.js';
import { imageRoutes } from './images.js';
import { itemRoutes } from './item.js';
import { keyRoutes } from './keys.js';
import { libraryRoutes } from './library.js';
import { libraryMonthRoutes } from './libraryMonths.js';
import { onThisDayRoutes } from './onThisDay.js';
import { continueWatchingRoutes } from './continueWatching.js';
import { downloadRoutes } from './download.js';
import type { MediaRouteDeps } from './mediaRouteDeps.js';
import { motionRoutes } from './motion.js';
import { originalRoutes } from './original.js';
import { progressRoutes } from './progress.js';
import { segmentRoutes } from './segments.js';
import { streamRoutes } from './stream.js';
import { trickplayRoutes } from './trickplay.js';
import { subtitleRoutes } from './subtitles.js';

/** The gallery and media delivery: library, items, favourites, captions, images, seek-bar previews, HLS, subtitles, keys, segments, originals and zips of them, playback progress. */
export async function mediaRoutes(app: App): Promise<void> {
  const deps: MediaRouteDeps = { streamLimiter: new StreamLimiter(app.redis, app.config.maxConcurrentStreams) };
  libraryRoutes(app);
  libraryMonthRoutes(app);
  onThisDayRoutes(app);
  continueWatchingRoutes(app);
  itemRoutes(app);
  favouriteRoutes(app);
  captionRoutes(app);
  imageRoutes(app);
  trickplayRoutes(app);
  motionRoutes(app);
  originalRoutes(app);
  downloadRoutes(app);
  streamRoutes(app, deps);
  subtitleRoutes(app);
  keyRoutes(app);
  segmentRoutes(app, deps);
  progressRoutes(app, deps);
}
