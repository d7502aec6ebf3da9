import { ApiError, NetworkError } from './ApiError';

async function request(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return response;
}

/** True on a fresh install, until the first admin exists. */
export async function setupNeeded(): Promise<boolean> {
  const body = (await (await request('/api/setup')).json()) as { needed: boolean };
  return body.needed;
}

export interface FirstAdmin {
  setup_code: string;
  username: string;
  email: string;
  full_name: string;
  password: string;
}

export async function createFirstAdmin(admin: FirstAdmin): Promise<void> {
  await request('/api/setup', { method: 'POST', body: JSON.stringify(admin) });
}
