import { Type } from '@sinclair/typebox';
import { users } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { loginFingerprinter } from '../../auth/loginFingerprint.js';
import { AttemptCounter } from '../../auth/throttle/AttemptCounter.js';
import { signInCounters } from '../../auth/throttle/limits.js';
import { takeAttempt } from '../../auth/throttle/takeAttempt.js';
import { setRefreshCookie } from '../../auth/refreshCookie.js';
import { ApiError } from '../../errors/ApiError.js';
import { errorResponses } from '../../schemas/common.js';
import { openSession } from '../../sessions/sessionService.js';
import { signInDevice } from '../../sessions/signInDevice.js';
import { verifyAgainstDummy, verifyPassword } from '../../users/passwordHash.js';
import { maxPasswordLength } from '@keepsake/contracts';
import { sessionServiceDeps } from '../../sessions/sessionServiceDeps.js';
import { SignedIn, signedInView } from '../../views/signedInView.js';

const password = Type.String({ minLength: 1, maxLength: maxPasswordLength });
const deviceFields = {
  device_id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 128,
      pattern: '^[A-Za-z0-9._:-]+$',
      description:
        'a random id the client keeps, so one device has one session; without it the id is derived from the user agent and device_name',
    }),
  ),
  device_name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
};
const signInName = { minLength: 1, maxLength: 254, description: 'username or email' };

/** Keepsake's web app sends `login`; the design document's clients send `username`. Either, never both. */
const LoginBody = Type.Union([
  Type.Object(
    { login: Type.String(signInName), password, ...deviceFields },
    { additionalProperties: false, title: 'SignInWithLogin' },
  ),
  Type.Object(
    { username: Type.String(signInName), password, ...deviceFields },
    { additionalProperties: false, title: 'SignInWithUsername (design document)' },
  ),
]);

function signInNameOf(body: { login: string } | { username: string }): string {
  return 'login' in body ? body.login : body.username;
}

export async function loginRoute(app: App): Promise<void> {
  const attempts = new AttemptCounter(app.redis);
  const fingerprint = loginFingerprinter(app.config.urlSigningSecret);

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the refresh cookie',
        body: LoginBody,
        response: { 200: SignedIn, ...errorResponses },
      },
      // Before validation, so a body with both names is told so rather than "must match a schema in anyOf".
      preValidation: async (request) => {
        const body = request.body as Record<string, unknown> | null;
        if (body && typeof body === 'object' && 'login' in body && 'username' in body) {
          throw new ApiError('SYSTEM_003', 'Send either "login" or "username", not both.', [
            { in: 'body', field: 'username', message: 'is given together with login' },
          ]);
        }
      },
    },
    async (request, reply) => {
      const { body } = request;
      const login = signInNameOf(body);
      const user = await users.findUserByLogin(app.db, login.trim());
      const unknownLogin = user ? null : fingerprint(login);
      const account = user ? `user:${user.id}` : `login:${unknownLogin}`;
      // Counted before the password is checked, so parallel guesses cannot outrun the limit.
      const attempt = await takeAttempt(attempts, signInCounters(request.clientIp, account), 'failed sign-ins');
      const passwordOk = user
        ? await verifyPassword(user.password_hash, body.password)
        : await verifyAgainstDummy(body.password);
      if (!user || !passwordOk) {
        // The typed login is not kept: it is sometimes a password typed into the wrong field.
        request.audit({
          action: 'auth.login_failed',
          userId: user?.id ?? null,
          status: 401,
          details: user ? { reason: 'wrong password' } : { reason: 'unknown login', login_fingerprint: unknownLogin },
        });
        throw new ApiError('AUTH_001');
      }
      await attempt.refund();
      if (!user.is_active) {
        request.audit({ action: 'auth.login_failed', userId: user.id, status: 401, details: { reason: 'disabled' } });
        throw new ApiError('AUTH_008');
      }

      const userAgent = request.headers['user-agent']?.slice(0, 512) ?? null;
      const device = signInDevice(userAgent, body);
      const { session, refreshToken, evicted } = await openSession(sessionServiceDeps(app), user.id, {
        ...device,
        ip: request.clientIp || null,
        userAgent,
      });
      await users.recordLogin(app.db, user.id);
      request.audit({ action: 'auth.login', userId: user.id, sessionId: session.id, status: 200 });
      for (const old of evicted) {
        request.audit({
          action: 'session.evicted',
          userId: user.id,
          sessionId: old.id,
          details: { reason: 'device limit reached', device_name: old.device_name, replaced_by: session.id },
        });
      }
      setRefreshCookie(reply, refreshToken, session.expires_at);
      return signedInView(app, user, session.id);
    },
  );
}
