import type { Redis } from '@keepsake/platform';
import { liveSessionKey } from './liveSessionKey.js';

/** Hashes of refresh tokens already used by a session; presenting one again means it was copied. */
export function retiredRefreshKey(sessionId: string): string {
  return `refresh-retired:${sessionId}`;
}

/** Where a Redis failure that must not fail the request is told (the app's log, the CLI's stderr). */
export type WarnSink = (details: Record<string, unknown>, message: string) => void;

/**
 * The live half of a session: a Redis entry holding the user id, whose TTL is the idle
 * timeout. Deleting it ends the session on the very next request; Redis restarting empty
 * ends every session (people sign in again), and nothing else breaks.
 */
export class LiveSessions {
  constructor(
    private readonly redis: Redis,
    readonly idleMs: number,
    private readonly warn: WarnSink,
  ) {}

  async start(sessionId: string, userId: string): Promise<void> {
    await this.redis.set(liveSessionKey(sessionId), userId, 'PX', this.idleMs);
  }

  /** Checks and touches in one round trip: the user id while the session is live, else null. */
  touch(sessionId: string): Promise<string | null> {
    return this.redis.getex(liveSessionKey(sessionId), 'PX', this.idleMs);
  }

  /** Whether the session is live, without counting as activity (an open event stream is not someone using the app). */
  async isLive(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(liveSessionKey(sessionId))) === 1;
  }

  /** Which of these sessions are still live (not idle, not revoked). */
  async whichLive(sessionIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const values = await this.redis.mget(sessionIds.map(liveSessionKey));
    return new Set(sessionIds.filter((_, index) => values[index] !== null));
  }

  /**
   * Called once the database has ended these sessions, which is what counts: every request
   * reads the row (checkSession, the event stream's keep-alive), so the sessions are over
   * whatever happens here. Their entries go too, best effort: a Redis failure is logged, not
   * thrown, so the revoke is answered as done (it is); an entry left behind opens nothing and
   * expires with the idle timeout once nobody touches it.
   */
  async end(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    try {
      await this.redis.del(...sessionIds.flatMap((id) => [liveSessionKey(id), retiredRefreshKey(id)]));
    } catch (error) {
      this.warn(
        { err: (error as Error).message, sessions: sessionIds },
        'sessions ended in the database; their Redis entries could not be removed (they are refused all the same)',
      );
    }
  }

  async retireRefreshToken(sessionId: string, tokenHash: string, keepMs: number): Promise<void> {
    const key = retiredRefreshKey(sessionId);
    await this.redis.multi().sadd(key, tokenHash).pexpire(key, Math.max(1, keepMs)).exec();
  }

  async isRetiredRefreshToken(sessionId: string, tokenHash: string): Promise<boolean> {
    return (await this.redis.sismember(retiredRefreshKey(sessionId), tokenHash)) === 1;
  }
}
