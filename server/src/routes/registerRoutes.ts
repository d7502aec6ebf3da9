import type { App } from '../app/types.js';
import { adminAuditRoutes } from './admin/audit.js';
import { adminQueueRoutes } from './admin/queue.js';
import { adminStatusRoutes } from './admin/status.js';
import { adminStorageRoutes } from './admin/storage.js';
import { adminUserRoutes } from './admin/users.js';
import { albumRouteGroup } from './albums/albumRoutesGroup.js';
import { loginRoute } from './auth/login.js';
import { logoutRoute } from './auth/logout.js';
import { meRoute } from './auth/me.js';
import { refreshRoute } from './auth/refresh.js';
import { eventRoutes } from './events.js';
import { healthRoutes } from './health.js';
import { mediaRoutes } from './media/mediaRoutes.js';
import { sessionRoutes } from './sessions.js';
import { setupRoutes } from './setup.js';
import { trashRouteGroup } from './trash/trashRoutesGroup.js';
import { uploadRoutes } from './uploads/uploadRoutes.js';

const routeGroups = [
  healthRoutes,
  setupRoutes,
  loginRoute,
  refreshRoute,
  logoutRoute,
  meRoute,
  sessionRoutes,
  mediaRoutes,
  albumRouteGroup,
  trashRouteGroup,
  uploadRoutes,
  adminUserRoutes,
  adminQueueRoutes,
  adminAuditRoutes,
  adminStorageRoutes,
  adminStatusRoutes,
  eventRoutes,
];

/** Every API route, by resource. */
export async function registerRoutes(app: App): Promise<void> {
  for (const routes of routeGroups) await app.register(routes);
}
