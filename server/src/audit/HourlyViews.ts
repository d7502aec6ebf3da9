import type { Redis } from '@keepsake/platform';

const hourMs = 3600_000;

/**
 * Whether a view of an item is the first of its session this hour. A video asks for a segment
 * every few seconds and a photo may be opened again and again; the audit log keeps one row per
 * item, session and hour, not one per request. One `SET NX` in Redis, so several servers agree.
 * Segment requests are the hot path: once this process has asked about a view this hour, the
 * answer for the rest of the hour is "not first" without asking Redis again.
 */
export class HourlyViews {
  private asked = new Set<string>();
  private askedHour = -1;

  constructor(private readonly redis: Redis) {}

  async firstThisHour(sessionId: string, mediaId: string): Promise<boolean> {
    const hour = Math.floor(Date.now() / hourMs);
    if (hour !== this.askedHour) {
      this.asked = new Set();
      this.askedHour = hour;
    }
    const key = `audit-view:${sessionId}:${mediaId}:${hour}`;
    if (this.asked.has(key)) return false;
    this.asked.add(key);
    const set = await this.redis.set(key, '1', 'PX', hourMs, 'NX');
    return set === 'OK';
  }
}
