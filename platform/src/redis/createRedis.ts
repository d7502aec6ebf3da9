import { Redis } from 'ioredis';

export type { Redis };

export interface RedisOptions {
  redisUrl: string;
  /**
   * Every key lives under this prefix, so tests and installs can share one Redis.
   * ioredis prefixes keys only: pub/sub channel names must add it themselves (channelName()).
   */
  prefix: string;
  /** Commands fail after one reconnect attempt instead of waiting forever while Redis is down. */
  failFast?: boolean;
}

export function createRedis({ redisUrl, prefix, failFast = true }: RedisOptions): Redis {
  return new Redis(redisUrl, {
    keyPrefix: prefix,
    maxRetriesPerRequest: failFast ? 1 : null,
    connectTimeout: 5000,
  });
}

/** The full name of a pub/sub channel (not prefixed by ioredis, unlike keys). */
export function channelName(prefix: string, channel: string): string {
  return `${prefix}${channel}`;
}
