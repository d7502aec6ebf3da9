import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { endsSession, refreshMayHelp, signedOutReasonFor } from './sessionEnded';

const ended = new ApiError(401, 'AUTH_007', 'This session has ended; please sign in again.');

describe('why a device was signed out', () => {
  it('says idle after a long quiet spell, signed out elsewhere right after activity', () => {
    expect(signedOutReasonFor(ended, 31 * 60_000).message).toMatch(/without activity/);
    expect(signedOutReasonFor(ended, 2_000).message).toMatch(/from another device or after a while/);
  });

  it('says what the server says when it knows: idle, or ended and why', () => {
    const idle = new ApiError(401, 'AUTH_004', 'Signed out', { reason: 'idle' });
    expect(signedOutReasonFor(idle, 0).message).toMatch(/without activity/);
    const revoked = new ApiError(401, 'AUTH_007', 'Ended', {
      reason: 'revoked',
      revoked_reason: 'signed out from another device',
    });
    expect(signedOutReasonFor(revoked, 31 * 60_000).message).toBe(
      'This device was signed out (signed out from another device). Please sign in again.',
    );
  });

  it('names a disabled account', () => {
    expect(signedOutReasonFor(new ApiError(401, 'AUTH_008', 'disabled')).message).toMatch(/disabled/);
  });

  it('treats only session errors as the end of the session', () => {
    expect(endsSession(ended)).toBe(true);
    expect(endsSession(new ApiError(403, 'AUTH_006', 'admins only'))).toBe(false);
    expect(endsSession(new ApiError(500, 'SYSTEM_001', 'oops'))).toBe(false);
    for (const code of ['AUTH_002', 'AUTH_003', 'AUTH_004', 'AUTH_008']) {
      expect(endsSession(new ApiError(401, code, 'signed out')), code).toBe(true);
    }
  });

  it('tries a refresh for a token refused for itself (expired or invalid), not for an ended session', () => {
    expect(refreshMayHelp(new ApiError(401, 'AUTH_002', 'expired'))).toBe(true);
    expect(refreshMayHelp(new ApiError(401, 'AUTH_003', 'invalid'))).toBe(true);
    expect(refreshMayHelp(ended)).toBe(false);
    expect(refreshMayHelp(new ApiError(401, 'AUTH_008', 'disabled'))).toBe(false);
  });
});
