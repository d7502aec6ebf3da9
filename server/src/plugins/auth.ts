import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import { users } from '@keepsake/database';
import { defaultAccess, type AccessLevel } from '../auth/accessLevel.js';
import type { AccessClaims, AuthContext } from '../auth/AuthContext.js';
import { bearerToken } from '../auth/bearerToken.js';
import { ApiError } from '../errors/ApiError.js';
import { MediaUrlSigner, type MediaPurpose, type SignedResource } from '../media/MediaUrlSigner.js';
import { ActivityRecorder } from '../sessions/ActivityRecorder.js';
import { checkSession, type SessionCheckDeps } from '../sessions/checkSession.js';
import { LiveSessions } from '../sessions/LiveSessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessLevel;
    /** For `media-item` routes: which purpose the item's token must have been signed for. */
    mediaPurpose?: MediaPurpose;
  }
  interface FastifyInstance {
    liveSessions: LiveSessions;
    mediaUrls: MediaUrlSigner;
    signAccessToken(claims: AccessClaims): string;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export const accessTokenSeconds = 15 * 60;

function isAccessClaims(value: unknown): value is AccessClaims {
  const claims = value as Partial<AccessClaims> | null;
  return (
    typeof claims?.sub === 'string' &&
    typeof claims.sid === 'string' &&
    (claims.role === 'admin' || claims.role === 'member')
  );
}

/**
 * Authentication for every route, by the route's declared access level: Bearer JWTs
 * (HS256 only) for the API, signed `?t=` tokens (or Bearer) for media URLs. Either way the session
 * must be live in Redis (checking touches it: idle timeout) and unrevoked in PostgreSQL.
 */
export const authPlugin = fp(
  async (app: FastifyInstance) => {
    const { config } = app;
    await app.register(fastifyCookie);
    await app.register(fastifyJwt, {
      secret: config.jwtSecret,
      sign: { algorithm: 'HS256', expiresIn: accessTokenSeconds },
      verify: { algorithms: ['HS256'] },
    });

    const live = new LiveSessions(app.redis, Math.round(config.sessionIdleMinutes * 60_000), (details, message) =>
      app.log.warn(details, message),
    );
    const activity = new ActivityRecorder(app.db, app.log);
    const sessionCheck: SessionCheckDeps = { db: app.db, live, idleMinutes: config.sessionIdleMinutes };
    app.decorate('liveSessions', live);
    app.decorate('mediaUrls', new MediaUrlSigner(config.urlSigningSecret));
    app.decorate('signAccessToken', (claims: AccessClaims) => app.jwt.sign(claims));
    app.decorateRequest('auth', null);

    async function bearer(request: FastifyRequest, adminOnly: boolean): Promise<void> {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw new ApiError('AUTH_003', 'Sign-in required: send the access token as "Authorization: Bearer".');
      let claims: unknown;
      try {
        claims = app.jwt.verify(token);
      } catch (error) {
        const expired = (error as { code?: string }).code === 'FAST_JWT_EXPIRED';
        throw new ApiError(expired ? 'AUTH_002' : 'AUTH_003');
      }
      if (!isAccessClaims(claims)) throw new ApiError('AUTH_003');
      const [user, sessionUserId] = await Promise.all([
        users.findUserById(app.db, claims.sub),
        checkSession(sessionCheck, claims.sid),
      ]);
      if (!user || sessionUserId !== user.id) throw new ApiError('AUTH_003', 'This account no longer exists.');
      activity.seen(claims.sid);
      request.auth = { userId: user.id, sessionId: claims.sid, role: user.role, user };
      if (adminOnly && user.role !== 'admin') throw new ApiError('AUTH_006');
    }

    /**
     * Media URLs: the signed `?t=` when there is one (it opens only its own purpose and item),
     * else a Bearer access token, as the design document's clients send (the same session checks;
     * such a client could ask the API for any item anyway).
     */
    async function media(request: FastifyRequest, resource: SignedResource): Promise<void> {
      const t = (request.query as { t?: unknown } | undefined)?.t;
      if (t === undefined && bearerToken(request.headers.authorization)) return bearer(request, false);
      return signed(request, t, resource);
    }

    async function signed(request: FastifyRequest, t: unknown, resource: SignedResource): Promise<void> {
      const sessionId = app.mediaUrls.verify(t, resource);
      if (!sessionId) throw new ApiError('SEC_002');
      const userId = await checkSession(sessionCheck, sessionId);
      activity.seen(sessionId);
      request.auth = { userId, sessionId, role: null, user: null };
    }

    // A media route that forgot its purpose would open for any token of the item: refuse to start.
    app.addHook('onRoute', (route) => {
      if (route.config?.access === 'media-item' && !route.config.mediaPurpose) {
        throw new Error(`${route.url} is a media-item route without a mediaPurpose`);
      }
    });

    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access ?? defaultAccess(request.routeOptions.url);
      const params = (request.params ?? {}) as { id?: string; keyId?: string };
      switch (access) {
        case 'public':
          return;
        case 'user':
        case 'admin':
          return bearer(request, access === 'admin');
        case 'media-item':
          return media(request, `${request.routeOptions.config.mediaPurpose!}:${params.id ?? ''}`);
        case 'media-key':
          return media(request, `key:${params.keyId ?? ''}`);
        case 'media-download':
          return media(request, `download:${params.id ?? ''}`);
      }
    });
  },
  { name: 'auth', dependencies: ['dependencies', 'allowlist'] },
);
