import type { Redis } from '@keepsake/platform';

/** One count an attempt must fit in: at most `limit` attempts per fixed window of `windowMs`. */
export interface Counter {
  key: string;
  limit: number;
  windowMs: number;
}

/** A counted attempt; `refund()` gives it back (the secret was right, so it guessed nothing). */
export interface Attempt {
  refund(): Promise<void>;
}

export type TakeResult = { allowed: true; attempt: Attempt } | { allowed: false; retryAfterMs: number };

// One script, so checking and counting are a single step however many requests arrive at once:
// either every counter has room and the attempt is counted on all of them, or none is touched
// and the caller hears how long until the fullest of the full ones empties. A refused attempt is
// not counted, so hammering does not stretch the window. A counter without an expiry (it cannot
// happen here, but a stray key would otherwise block forever) gets its window back.
const takeScript = `
local wait = 0
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then
      ttl = tonumber(ARGV[2 * i])
      redis.call('PEXPIRE', key, ttl)
    end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('INCR', key)
  if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[2 * i]) end
end
return 0
`;

// Never below zero: a window that ended in between starts the next one unharmed.
const refundScript = `
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 0
`;

/**
 * Attempts at a secret (a password, the setup code) counted in Redis before the secret is
 * checked, so parallel guesses cannot all slip in while the first ones are still being verified.
 */
export class AttemptCounter {
  constructor(private readonly redis: Redis) {}

  async take(counters: readonly Counter[]): Promise<TakeResult> {
    const keys = counters.map((counter) => counter.key);
    const args = counters.flatMap((counter) => [counter.limit, counter.windowMs]);
    const wait = Number(await this.redis.eval(takeScript, keys.length, ...keys, ...args));
    if (wait > 0) return { allowed: false, retryAfterMs: wait };
    return {
      allowed: true,
      attempt: { refund: async () => void (await this.redis.eval(refundScript, keys.length, ...keys)) },
    };
  }
}
