import { ApiError } from './ApiError';
import { broadcastAuth } from './authChannel';
import { idleFor } from './lastActivity';
import { sessionStore, type SignedOutReason } from './sessionStore';
import { signedInHint } from './signedInHint';

/**
 * Error codes after which this device is no longer signed in, whatever it retries (met once a
 * refresh was tried): token expired or invalid, session expired, session ended, account disabled.
 */
const sessionEndingCodes = new Set(['AUTH_002', 'AUTH_003', 'AUTH_004', 'AUTH_007', 'AUTH_008']);

/** An access token refused for itself, not for its session: a refresh may cure it. */
export function refreshMayHelp(error: Pick<ApiError, 'code'>): boolean {
  return error.code === 'AUTH_002' || error.code === 'AUTH_003';
}

export function endsSession(error: unknown): error is ApiError {
  return error instanceof ApiError && sessionEndingCodes.has(error.code);
}

/** Longer than this without a request, an ended session most likely timed out. */
const idleHintMs = 5 * 60_000;

interface SessionEndDetails {
  reason?: 'idle' | 'revoked';
  revoked_reason?: string;
}

/** The server says why (idle timeout or ended, and by what); older answers leave it to a guess. */
function sessionEndedMessage(error: ApiError, idleMs: number): string {
  const details = (error.details ?? {}) as SessionEndDetails;
  if (details.reason === 'idle') return 'You were signed out after a while without activity. Please sign in again.';
  if (details.reason === 'revoked') {
    const why = details.revoked_reason ? ` (${details.revoked_reason})` : '';
    return `This device was signed out${why}. Please sign in again.`;
  }
  return idleMs > idleHintMs
    ? 'You were signed out after a while without activity. Please sign in again.'
    : 'This device was signed out, from another device or after a while without use. Please sign in again.';
}

/** What the sign-in page tells a person who was signed out without asking to be. */
export function signedOutReasonFor(error: ApiError, idleMs = idleFor()): SignedOutReason {
  switch (error.code) {
    case 'AUTH_008':
      return { code: error.code, message: 'Your account has been disabled. Ask the person who runs Keepsake.' };
    case 'AUTH_004':
    case 'AUTH_007':
      return { code: error.code, message: sessionEndedMessage(error, idleMs) };
    default:
      return { code: error.code, message: 'Your sign-in has expired. Please sign in again.' };
  }
}

/** Forgets the session in this tab and the others, with the reason shown on the sign-in page. */
export function endSession(reason: SignedOutReason | null): void {
  signedInHint.set(false);
  sessionStore.clear(reason);
  if (reason) broadcastAuth({ type: 'signed-out', reason });
}
