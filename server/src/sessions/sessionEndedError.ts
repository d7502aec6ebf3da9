import { sessions, type Db } from '@keepsake/database';
import { ApiError } from '../errors/ApiError.js';

/**
 * Why a session is no longer live, for the person signed out: it was ended (signed out
 * elsewhere, revoked, evicted), or its live entry simply expired (idle timeout). Only
 * looked up on this failure path, so live requests stay at one Redis round trip.
 */
/** Reasons that mean the session ran out (AUTH_004) rather than was ended by someone (AUTH_007). */
export function endedByTime(revokedReason: string | null): boolean {
  return revokedReason === 'idle timeout' || revokedReason === 'expired';
}

export async function sessionEndedError(db: Db, sessionId: string, idleMinutes: number): Promise<ApiError> {
  const row = await sessions.findSessionById(db, sessionId);
  if (row?.revoked_at && !endedByTime(row.revoked_reason)) {
    const why = row.revoked_reason ?? 'ended';
    return new ApiError('AUTH_007', `This session was ended (${why}); please sign in again.`, {
      reason: 'revoked',
      revoked_reason: why,
    });
  }
  const minutes = Math.max(1, Math.round(idleMinutes));
  return new ApiError('AUTH_004', `Signed out after ${minutes} minutes without activity; please sign in again.`, {
    reason: 'idle',
  });
}
