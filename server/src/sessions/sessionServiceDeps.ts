import type { App } from '../app/types.js';
import type { SessionServiceDeps } from './sessionService.js';

/** What sign-in and refresh hand the session service, from the app's connections and settings. */
export function sessionServiceDeps(app: App): SessionServiceDeps {
  return {
    db: app.db,
    live: app.liveSessions,
    maxDevicesPerUser: app.config.maxDevicesPerUser,
    lifetimeMs: app.config.sessionLifetimeDays * 24 * 3600 * 1000,
  };
}
