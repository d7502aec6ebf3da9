import { sessions, type Db } from '@keepsake/database';
import { ApiError } from '../errors/ApiError.js';

/**
 * Why a session is no longer live, for the person signed out: it was ended (signed out
 * elsewhere, revoked, evicted), or its live entry simply expired (idle timeout). Only
 * looked up on this failure path, so live requests stay at one Redis round trip.
 */
export async function sessionEndedError(db: Db, sessionId: string, idleMinutes: number): Promise<ApiError> {
  const row = await sessions.findSessionById(db, sessionId);
  if (row?.revoked_at && row.revoked_reason !== 'idle timeout') {
    const why = row.revoked_reason ?? 'ended';
    return new ApiError('AUTH_003', `This session was ended (${why}); please sign in again.`, {
      reason: 'revoked',
      revoked_reason: why,
    });
  }
  const minutes = Math.max(1, Math.round(idleMinutes));
  return new ApiError('AUTH_003', `Signed out after ${minutes} minutes without activity; please sign in again.`, {
    reason: 'idle',
  });
}
