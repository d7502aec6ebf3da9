/**
 * Each live processor keeps `processor:heartbeat:<workerId>` (under REDIS_PREFIX) set to a
 * ProcessorHeartbeat, expiring after HEARTBEAT_TTL_SECONDS and refreshed more often than that;
 * the server's readiness check and admin status list them.
 */
export const HEARTBEAT_KEY_PREFIX = 'processor:heartbeat:';
export const HEARTBEAT_TTL_SECONDS = 30;

export function heartbeatKey(workerId: string): string {
  return `${HEARTBEAT_KEY_PREFIX}${workerId}`;
}

export interface ProcessorHeartbeat {
  host: string;
  pid: number;
  /** ISO 8601 times. */
  startedAt: string;
  at: string;
}
