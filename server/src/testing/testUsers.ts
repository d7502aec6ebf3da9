import { randomUUID } from 'node:crypto';
import type { Db, PublicUser, UserRole } from '@keepsake/database';
import type { App } from '../app/types.js';
import { createUser } from '../users/userService.js';

export const testPassword = 'Kitchen#Table7';

export function createTestUser(db: Db, username: string, role: UserRole = 'member'): Promise<PublicUser> {
  return createUser(
    { db },
    { username, email: `${username}@example.com`, fullName: username, role, password: testPassword },
  );
}

export interface SignedIn {
  accessToken: string;
  sessionId: string;
  refreshToken: string;
  auth: { authorization: string };
}

export interface SignInOptions {
  password?: string;
  deviceId?: string;
  remoteAddress?: string;
}

/** Signs in through the real route and returns what a browser would keep. */
export async function signIn(app: App, login: string, options: SignInOptions = {}): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: options.remoteAddress ?? '127.0.0.1',
    payload: {
      login,
      password: options.password ?? testPassword,
      // Each call a device of its own unless told otherwise, as each browser is.
      device_id: options.deviceId ?? randomUUID(),
    },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ access_token: string; session_id: string }>();
  const cookie = response.cookies.find((c) => c.name === 'keepsake_refresh');
  return {
    accessToken: body.access_token,
    sessionId: body.session_id,
    refreshToken: cookie!.value,
    auth: { authorization: `Bearer ${body.access_token}` },
  };
}
