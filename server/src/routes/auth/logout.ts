import { Type } from '@sinclair/typebox';
import type { App } from '../../app/types.js';
import { clearRefreshCookie } from '../../auth/refreshCookie.js';
import { errorResponses, NoContent } from '../../schemas/common.js';
import { revokeUserSessions } from '../../sessions/revokeUserSessions.js';
import { endSessions } from '../../sessions/sessionService.js';

const LogoutBody = Type.Object(
  { logout_all_devices: Type.Optional(Type.Boolean({ description: 'sign out every device of this account' })) },
  { additionalProperties: false },
);

export async function logoutRoute(app: App): Promise<void> {
  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out this device, or every device',
        body: LogoutBody,
        response: { 204: NoContent, ...errorResponses },
      },
      // No body at all means this device only.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const { userId, sessionId } = request.auth!;
      const everywhere = request.body?.logout_all_devices === true;
      if (everywhere) await revokeUserSessions(app.db, app.redis, userId, 'signed out everywhere');
      else await endSessions({ db: app.db, live: app.liveSessions }, [sessionId], 'signed out');
      request.audit({ action: 'auth.logout', status: 204, details: { all_devices: everywhere } });
      clearRefreshCookie(reply);
      // Decrypted thumbnails revalidate, but drop them from this browser's cache all the same.
      return reply.code(204).header('clear-site-data', '"cache"').send(null);
    },
  );
}
