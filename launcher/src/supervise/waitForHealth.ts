import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `url` until it answers 2xx; false if `stillWanted` turns false or `timeoutMs` passes first. */
export async function waitForHealth(url: string, stillWanted: () => boolean, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && stillWanted()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return false;
}
