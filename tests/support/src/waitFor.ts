import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls until `check` returns something truthy, for things that happen in another process or
 * in the background (a file picked up, a job finished). Gives up after `timeoutMs` with `what`.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T> | T,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
