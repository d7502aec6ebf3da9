import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { endsSession, signedOutReasonFor } from './sessionEnded';

const ended = new ApiError(401, 'AUTH_003', 'This session has ended; please sign in again.');

describe('why a device was signed out', () => {
  it('says idle after a long quiet spell, signed out elsewhere right after activity', () => {
    expect(signedOutReasonFor(ended, 31 * 60_000).message).toMatch(/without activity/);
    expect(signedOutReasonFor(ended, 2_000).message).toMatch(/from another device or after a while/);
  });

  it('names a disabled account', () => {
    expect(signedOutReasonFor(new ApiError(401, 'AUTH_004', 'disabled')).message).toMatch(/disabled/);
  });

  it('treats only session errors as the end of the session', () => {
    expect(endsSession(ended)).toBe(true);
    expect(endsSession(new ApiError(403, 'AUTH_006', 'admins only'))).toBe(false);
    expect(endsSession(new ApiError(500, 'SYSTEM_001', 'oops'))).toBe(false);
  });
});
