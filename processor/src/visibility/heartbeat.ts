import os from 'node:os';
import { HEARTBEAT_TTL_SECONDS, heartbeatKey, type ProcessorHeartbeat } from '@keepsake/contracts';
import type { Logger, Redis } from '@keepsake/platform';

/** A third of the TTL: one missed write does not make a live processor look gone. */
export const HEARTBEAT_EVERY_MS = 10_000;

/**
 * `processor:heartbeat:<workerId>` = {host, pid, startedAt, at}, 30 s TTL, refreshed every 10 s:
 * the server's readiness check wants at least one live processor.
 */
export function startHeartbeat(redis: Redis, workerId: string, logger: Logger): { stop(): Promise<void> } {
  const startedAt = new Date().toISOString();
  const beat = () =>
    redis
      .set(
        heartbeatKey(workerId),
        JSON.stringify({
          host: os.hostname(),
          pid: process.pid,
          startedAt,
          at: new Date().toISOString(),
        } satisfies ProcessorHeartbeat),
        'EX',
        HEARTBEAT_TTL_SECONDS,
      )
      .catch((error: Error) => logger.warn({ err: error.message }, 'heartbeat not written'));
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await redis.del(heartbeatKey(workerId)).catch(() => undefined);
    },
  };
}
