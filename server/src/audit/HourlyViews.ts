import type { Redis } from '@keepsake/database';

const hourMs = 3600_000;

/**
 * Whether a view of an item is the first of its session this hour. A video asks for a segment
 * every few seconds and a photo may be opened again and again; the audit log keeps one row per
 * item, session and hour, not one per request. One `SET NX` in Redis, so several servers agree.
 */
export class HourlyViews {
  constructor(private readonly redis: Redis) {}

  async firstThisHour(sessionId: string, mediaId: string): Promise<boolean> {
    const hour = Math.floor(Date.now() / hourMs);
    const set = await this.redis.set(`audit-view:${sessionId}:${mediaId}:${hour}`, '1', 'PX', hourMs, 'NX');
    return set === 'OK';
  }
}
