import type { App } from '../../app/types.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from '../../auth/refreshCookie.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses } from '../../schemas/common.js';
import { RefreshTokenReused, refreshSession } from '../../sessions/sessionService.js';
import { sessionServiceDeps } from '../../sessions/sessionServiceDeps.js';
import { SignedIn, signedInView } from '../../views/signedInView.js';

export async function refreshRoute(app: App): Promise<void> {
  app.post(
    '/api/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'New access token for the refresh cookie; the cookie is rotated',
        response: { 200: SignedIn, ...errorResponses },
      },
    },
    async (request, reply) => {
      try {
        const { session, refreshToken, user } = await refreshSession(
          sessionServiceDeps(app),
          readRefreshCookie(request),
          request.clientIp || null,
        );
        setRefreshCookie(reply, refreshToken, session.expires_at);
        return signedInView(app, user, session.id);
      } catch (error) {
        if (error instanceof RefreshTokenReused) {
          request.audit({
            action: 'auth.refresh_reuse',
            userId: error.session.user_id,
            sessionId: error.session.id,
            status: 401,
          });
        }
        if (error instanceof ApiError && error.code.startsWith('AUTH_')) clearRefreshCookie(reply);
        throw error;
      }
    },
  );
}
