import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/ApiError';
import { formatWait } from '../format/formatWait';
import { signInMessage } from './signInMessage';

const apiError = (status: number, code: string) => new ApiError(status, code, 'server words');

describe('sign-in messages', () => {
  it('says what went wrong for each refusal', () => {
    expect(signInMessage(apiError(401, 'AUTH_001'), null)).toBe('Wrong username or password.');
    expect(signInMessage(apiError(401, 'AUTH_008'), null)).toMatch(/disabled/);
    expect(signInMessage(apiError(403, 'SEC_001'), null)).toMatch(/home network or the VPN/);
    expect(signInMessage(new NetworkError(new TypeError('fetch failed')), null)).toMatch(/Can't reach/);
  });

  it('shows the wait when rate limited', () => {
    expect(signInMessage(apiError(429, 'AUTH_005'), 90)).toBe(
      'Too many sign-in attempts. Please wait 1 minute 30 seconds before trying again.',
    );
    expect(signInMessage(apiError(429, 'AUTH_005'), 0)).toBe('You can try again now.');
  });

  it('writes waits as words', () => {
    expect([1, 45, 60, 61, 900].map(formatWait)).toEqual([
      '1 second',
      '45 seconds',
      '1 minute',
      '1 minute 1 second',
      '15 minutes',
    ]);
  });
});
