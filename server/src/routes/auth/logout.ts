import { Type } from '@sinclair/typebox';
import type { App } from '../../app/types.js';
import { clearRefreshCookie } from '../../auth/refreshCookie.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses } from '../../schemas/common.js';
import { refreshTokenSessionId } from '../../sessions/refreshToken.js';
import { revokeUserSessions } from '../../sessions/revokeUserSessions.js';
import { endSessions } from '../../sessions/sessionService.js';
import { emptyJsonIsEmptyObject } from '../../input/emptyJsonIsEmptyObject.js';

const LogoutBody = Type.Object(
  {
    logout_all_devices: Type.Optional(Type.Boolean({ description: 'sign out every device of this account' })),
    refresh_token: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          "the design document's field; Keepsake keeps the refresh token in its cookie, so this may be left out. When sent, it must be this session's",
      }),
    ),
  },
  { additionalProperties: false },
);

const LoggedOut = Type.Object({
  message: Type.String(),
  devices_affected: Type.Integer({ description: 'how many sessions were ended' }),
});

export async function logoutRoute(app: App): Promise<void> {
  // The design document's clients send `Content-Type: application/json` with no body at all.
  emptyJsonIsEmptyObject(app);

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out this device, or every device',
        body: LogoutBody,
        response: { 200: LoggedOut, ...errorResponses },
      },
      // No body at all means this device only.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const { userId, sessionId } = request.auth!;
      const { refresh_token: refreshToken, logout_all_devices: everywhere = false } = request.body ?? {};
      // The Bearer token names the session; a refresh token of another one is a client mix-up, not a target.
      if (refreshToken !== undefined && refreshTokenSessionId(refreshToken) !== sessionId) {
        throw new ApiError('SYSTEM_003', 'This refresh_token does not belong to the signed-in session.', [
          { in: 'body', field: 'refresh_token', message: 'is not the refresh token of this session' },
        ]);
      }
      const ended = everywhere
        ? await revokeUserSessions(app.db, app.liveSessions, userId, 'signed out everywhere')
        : (await endSessions({ db: app.db, live: app.liveSessions }, [sessionId], 'signed out')).length;
      request.audit({ action: 'auth.logout', status: 200, details: { all_devices: everywhere } });
      clearRefreshCookie(reply);
      // Decrypted thumbnails revalidate, but drop them from this browser's cache all the same.
      reply.header('clear-site-data', '"cache"');
      return { message: 'Logged out successfully', devices_affected: ended };
    },
  );
}
