import type { FastifyReply, FastifyRequest } from 'fastify';

const cookieName = 'keepsake_refresh';
/** Sent only to the auth routes, never readable by scripts, never cross-site. */
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api/auth' } as const;

/** `expiresAt`: the session's end, so the browser forgets the cookie when the server would refuse it. */
export function setRefreshCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  reply.setCookie(cookieName, token, { ...cookieOptions, maxAge });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  reply.clearCookie(cookieName, cookieOptions);
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  return request.cookies[cookieName];
}
