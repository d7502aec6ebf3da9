import { ApiError } from '../../errors/ApiError.js';
import type { Attempt, AttemptCounter, Counter } from './AttemptCounter.js';

/** Counts the attempt, or refuses it with 429 AUTH_005 and Retry-After (whole seconds, at least 1). */
export async function takeAttempt(
  counter: AttemptCounter,
  counters: readonly Counter[],
  what: string,
): Promise<Attempt> {
  const result = await counter.take(counters);
  if (result.allowed) return result.attempt;
  const retryAfter = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
  throw new ApiError(
    'AUTH_005',
    `Too many ${what}; try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    { retry_after_seconds: retryAfter },
    { 'retry-after': String(retryAfter) },
  );
}
