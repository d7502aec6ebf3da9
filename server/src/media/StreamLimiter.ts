import type { Redis } from '@keepsake/platform';

/** A stream counts as playing while heartbeats (every ~10 s) keep coming; three missed and it is over. */
export const streamWindowMs = 35_000;

/**
 * Claims a playing slot atomically: drops heartbeats older than the window, then admits the
 * stream if it already holds a slot or a slot is free.
 */
const claimScript = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
local member = ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if not redis.call('ZSCORE', key, member) and redis.call('ZCARD', key) >= max then
  return 0
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, window)
return 1
`;

type RedisWithClaim = Redis & {
  claimStreamSlot(key: string, now: number, window: number, max: number, member: string): Promise<number>;
};

/**
 * MAX_CONCURRENT_STREAMS per user, counted from playback heartbeats in Redis
 * (`streams:<userId>`, one member per session and item), so it holds across server processes.
 */
export class StreamLimiter {
  private readonly redis: RedisWithClaim;

  constructor(
    redis: Redis,
    private readonly maxStreams: number,
  ) {
    if (!('claimStreamSlot' in redis)) redis.defineCommand('claimStreamSlot', { numberOfKeys: 1, lua: claimScript });
    this.redis = redis as RedisWithClaim;
  }

  /** True when this session may play this item now (and the heartbeat is recorded). */
  async claim(userId: string, sessionId: string, mediaId: string): Promise<boolean> {
    const admitted = await this.redis.claimStreamSlot(
      `streams:${userId}`,
      Date.now(),
      streamWindowMs,
      this.maxStreams,
      `${sessionId}:${mediaId}`,
    );
    return admitted === 1;
  }
}
