import type { App } from '../../app/types.js';
import { trashActionRoutes } from './trashActions.js';
import { trashListRoutes } from './trashList.js';
import { trashThumbnailRoutes } from './trashThumbnail.js';

/** The trash: moving items there, listing them (with their thumbnails), restoring and deleting them forever. */
export async function trashRouteGroup(app: App): Promise<void> {
  trashListRoutes(app);
  trashActionRoutes(app);
  trashThumbnailRoutes(app);
}
