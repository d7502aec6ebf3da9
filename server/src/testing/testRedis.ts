import { randomUUID } from 'node:crypto';
import { createRedis, type Redis } from '@keepsake/platform';

export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedis {
  prefix: string;
  redis: Redis;
  /** Deletes every key under the prefix (as a Redis restart would) without closing the client. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A Redis client whose keys live under a prefix of their own (or the one given), removed
 * afterwards; `redisUrl` connects as someone else (a Redis ACL user with fewer rights).
 */
export function createTestRedis(prefix = `test:${randomUUID()}:`, redisUrl = testRedisUrl): TestRedis {
  const redis = createRedis({ redisUrl, prefix });
  const flush = async () => {
    const raw = createRedis({ redisUrl: testRedisUrl, prefix: '' });
    try {
      for await (const keys of raw.scanStream({ match: `${prefix}*`, count: 500 })) {
        if ((keys as string[]).length > 0) await raw.del(...(keys as string[]));
      }
    } finally {
      raw.disconnect();
    }
  };
  return {
    prefix,
    redis,
    flush,
    close: async () => {
      await flush();
      redis.disconnect();
    },
  };
}
