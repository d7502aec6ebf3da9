import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { endsSession, signedOutReasonFor } from './sessionEnded';

const ended = new ApiError(401, 'AUTH_003', 'This session has ended; please sign in again.');

describe('why a device was signed out', () => {
  it('says idle after a long quiet spell, signed out elsewhere right after activity', () => {
    expect(signedOutReasonFor(ended, 31 * 60_000).message).toMatch(/without activity/);
    expect(signedOutReasonFor(ended, 2_000).message).toMatch(/from another device or after a while/);
  });

  it('says what the server says when it knows: idle, or ended and why', () => {
    const idle = new ApiError(401, 'AUTH_003', 'Signed out', { reason: 'idle' });
    expect(signedOutReasonFor(idle, 0).message).toMatch(/without activity/);
    const revoked = new ApiError(401, 'AUTH_003', 'Ended', {
      reason: 'revoked',
      revoked_reason: 'signed out from another device',
    });
    expect(signedOutReasonFor(revoked, 31 * 60_000).message).toBe(
      'This device was signed out (signed out from another device). Please sign in again.',
    );
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
