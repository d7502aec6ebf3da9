import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { PublicUser } from '@keepsake/database';
import { accessTokenSeconds } from '../plugins/auth.js';
import { Uuid, UserView } from '../schemas/common.js';
import { userView } from './userView.js';

export const SignedIn = Type.Object({
  access_token: Type.String({ description: 'JWT for `Authorization: Bearer`, valid for expires_in seconds' }),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  session_id: Uuid,
  user: UserView,
});

/** What sign-in and refresh answer: a fresh access token for the session. */
export function signedInView(app: FastifyInstance, user: PublicUser, sessionId: string) {
  return {
    access_token: app.signAccessToken({ sub: user.id, sid: sessionId, role: user.role }),
    token_type: 'Bearer' as const,
    expires_in: accessTokenSeconds,
    session_id: sessionId,
    user: userView(user),
  };
}
