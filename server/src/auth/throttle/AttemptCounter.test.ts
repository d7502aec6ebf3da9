import { afterAll, describe, expect, it } from 'vitest';
import { createTestRedis } from '../../testing/testRedis.js';
import { AttemptCounter, type Counter } from './AttemptCounter.js';

describe('AttemptCounter (real Redis)', () => {
  const redis = createTestRedis();
  afterAll(() => redis.close());
  const counter = new AttemptCounter(redis.redis);

  it('counts on every counter or on none, and refuses without counting', async () => {
    const small: Counter = { key: 'a:small', limit: 2, windowMs: 60_000 };
    const large: Counter = { key: 'a:large', limit: 10, windowMs: 120_000 };
    expect((await counter.take([small, large])).allowed).toBe(true);
    expect((await counter.take([small, large])).allowed).toBe(true);
    const refused = await counter.take([small, large]);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed === false && refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.allowed === false && refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(await redis.redis.mget('a:small', 'a:large')).toEqual(['2', '2']);
    expect(await redis.redis.pttl('a:large')).toBeGreaterThan(60_000);
  });

  it('a refund gives one attempt back, never below zero', async () => {
    const only: Counter = { key: 'b', limit: 1, windowMs: 60_000 };
    const taken = await counter.take([only]);
    if (!taken.allowed) throw new Error('refused');
    await taken.attempt.refund();
    await taken.attempt.refund();
    expect(await redis.redis.get('b')).toBe('0');
    expect((await counter.take([only])).allowed).toBe(true);
    expect((await counter.take([only])).allowed).toBe(false);
  });

  it('a full counter that lost its expiry gets its window back instead of blocking for ever', async () => {
    await redis.redis.set('c', '5');
    const refused = await counter.take([{ key: 'c', limit: 5, windowMs: 30_000 }]);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 30_000 });
    expect(await redis.redis.pttl('c')).toBeGreaterThan(0);
  });
});
