import type { App } from '../app/types.js';
import { loginRoute } from './auth/login.js';
import { logoutRoute } from './auth/logout.js';
import { meRoute } from './auth/me.js';
import { refreshRoute } from './auth/refresh.js';
import { healthRoutes } from './health.js';
import { sessionRoutes } from './sessions.js';

/** Every API route, by resource. */
export async function registerRoutes(app: App): Promise<void> {
  for (const routes of [healthRoutes, loginRoute, refreshRoute, logoutRoute, meRoute, sessionRoutes]) {
    await app.register(routes);
  }
}
