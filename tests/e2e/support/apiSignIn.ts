import { expect } from 'vitest';
import type { RunningNginx } from '@keepsake/testkit';

export interface SignedIn {
  accessToken: string;
  /** The refresh token from the keepsake_refresh cookie. */
  refreshCookie: string;
  headers: Record<string, string>;
}

/** Signs in through the API (POST /api/auth/login) via nginx, as the web app does. */
export async function apiSignIn(
  nginx: RunningNginx,
  credentials: { login: string; password: string },
): Promise<SignedIn> {
  const answer = await nginx.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...credentials, device_id: 'e2e-api-client', device_name: 'e2e' }),
  });
  expect(answer.status, answer.text()).toBe(200);
  const cookie = (answer.headers['set-cookie'] ?? []).find((line) => line.startsWith('keepsake_refresh='));
  const accessToken = answer.json<{ access_token: string }>().access_token;
  return {
    accessToken,
    refreshCookie: /^keepsake_refresh=([^;]+)/.exec(cookie ?? '')?.[1] ?? '',
    headers: { authorization: `Bearer ${accessToken}` },
  };
}
