import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionLifetimeMs } from '../sessions/sessionService.js';

const cookieName = 'keepsake_refresh';
/** Sent only to the auth routes, never readable by scripts, never cross-site. */
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api/auth' } as const;

export function setRefreshCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(cookieName, token, { ...cookieOptions, maxAge: Math.floor(sessionLifetimeMs / 1000) });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  reply.clearCookie(cookieName, cookieOptions);
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  return request.cookies[cookieName];
}
