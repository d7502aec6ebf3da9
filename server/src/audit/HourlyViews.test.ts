import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { createRedis } from '@keepsake/platform';
import { testRedisUrl } from '../testing/testRedis.js';
import { HourlyViews } from './HourlyViews.js';

const redis = createRedis({ redisUrl: testRedisUrl, prefix: `hourly-views-test-${randomUUID()}:` });
afterAll(() => redis.disconnect());

it('counts a view once per item and session this hour, across servers, and asks Redis once per process', async () => {
  const session = randomUUID();
  const item = randomUUID();
  const one = new HourlyViews(redis);
  const other = new HourlyViews(redis);
  expect(await one.firstThisHour(session, item)).toBe(true);
  expect(await other.firstThisHour(session, item)).toBe(false);
  expect(await one.firstThisHour(randomUUID(), item)).toBe(true);
  // Once asked, this process answers from memory: even with the Redis claim gone it does not count twice.
  await redis.del(`audit-view:${session}:${item}:${Math.floor(Date.now() / 3600_000)}`);
  expect(await one.firstThisHour(session, item)).toBe(false);
});
