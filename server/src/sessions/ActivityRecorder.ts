import type { FastifyBaseLogger } from 'fastify';
import { sessions, type Db } from '@keepsake/database';

/**
 * Keeps sessions.last_activity_at roughly current (for the sessions page and for choosing
 * whom to evict) without a database write per request: at most one write per session per
 * `everyMs`, never awaited by the request. Redis holds the exact idle timer.
 */
export class ActivityRecorder {
  private readonly lastWritten = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly everyMs = 60_000,
  ) {}

  seen(sessionId: string): void {
    const now = Date.now();
    const last = this.lastWritten.get(sessionId);
    if (last !== undefined && now - last < this.everyMs) return;
    this.lastWritten.set(sessionId, now);
    if (this.lastWritten.size > 10_000) this.forgetOlderThan(now - this.everyMs);
    sessions.recordSessionActivity(this.db, sessionId, new Date(now)).catch((error: unknown) => {
      this.log.warn({ err: error }, 'could not record session activity');
    });
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [id, at] of this.lastWritten) if (at < cutoff) this.lastWritten.delete(id);
  }
}
