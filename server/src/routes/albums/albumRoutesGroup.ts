import type { App } from '../../app/types.js';
import { albumItemRoutes } from './albumItems.js';
import { albumRoutes } from './albums.js';

/** Household albums: the albums themselves and what is in them (their grid is the library route's `album=`). */
export async function albumRouteGroup(app: App): Promise<void> {
  albumRoutes(app);
  albumItemRoutes(app);
}
