import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningProcess } from './childProcess.js';

/**
 * Polls `probe` until it says the process is ready (true); fails early with the process's
 * output if the process dies first, or after `timeoutMs` with the probe's last answer.
 */
export async function waitForReady(
  what: string,
  probe: () => Promise<true | string>,
  process: RunningProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | string | null = null;
  void process.exited.then((code) => {
    exited = code;
  });
  let last = '';
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(`${process.name} exited (${exited}) before answering ${what}:\n${process.output()}`);
    }
    try {
      const answer = await probe();
      if (answer === true) return;
      last = answer;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${process.name} did not answer ${what} within ${timeoutMs} ms (${last}):\n${process.output()}`);
}

/** Polls `url` until it answers 2xx (see waitForReady). */
export function waitForHttp(url: string, process: RunningProcess, timeoutMs = 60_000): Promise<void> {
  return waitForReady(
    url,
    async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return response.ok || `HTTP ${response.status}`;
    },
    process,
    timeoutMs,
  );
}
