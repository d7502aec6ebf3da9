import { users } from '@keepsake/database';
import type { App } from '../app/types.js';
import { setupCode } from './setupCode.js';

/**
 * While nobody can sign in, say how to create the first admin: in the browser with this
 * one-time code (useless once a user exists), or with the users CLI. The log is where the
 * person who installed Keepsake looks first (`docker compose logs server`).
 */
export async function announceFirstRun(app: App): Promise<void> {
  if ((await users.countUsers(app.db)) > 0) return;
  app.log.warn(
    `No users yet. Open ${app.config.publicBaseUrl} and create the first admin with the setup code ` +
      `${setupCode(app.config.urlSigningSecret)} (it stops working once someone exists), ` +
      'or run: npm run user -- create --admin (in Docker: docker compose exec server node server/dist/cli/user.js create --admin ...)',
  );
}
