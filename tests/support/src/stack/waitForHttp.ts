import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningProcess } from './childProcess.js';

/**
 * Polls `url` until it answers 2xx; fails early with the process's output if the process
 * dies first, or after `timeoutMs`.
 */
export async function waitForHttp(url: string, process: RunningProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | string | null = null;
  void process.exited.then((code) => {
    exited = code;
  });
  let last = '';
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(`${process.name} exited (${exited}) before answering ${url}:\n${process.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${process.name} did not answer ${url} within ${timeoutMs} ms (${last}):\n${process.output()}`);
}
