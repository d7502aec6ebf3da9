import { HEARTBEAT_KEY_PREFIX as heartbeatPrefix, type ProcessorHeartbeat as Heartbeat } from '@keepsake/contracts';
import type { Redis } from '@keepsake/platform';

export interface ProcessorHeartbeat {
  worker_id: string;
  host: string | null;
  pid: number | null;
  started_at: string | null;
  at: string | null;
}

/**
 * The processors alive right now: each refreshes `processor:heartbeat:<workerId>` (30 s TTL)
 * every 10 s (ARCHITECTURE.md, Redis). SCAN patterns are not prefixed by ioredis, so the
 * client's own prefix is put in front.
 */
export async function listProcessorHeartbeats(redis: Redis): Promise<ProcessorHeartbeat[]> {
  const prefix = redis.options.keyPrefix ?? '';
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}${heartbeatPrefix}*`, count: 100 })) {
    keys.push(...(batch as string[]).map((key) => key.slice(prefix.length)));
  }
  if (keys.length === 0) return [];
  const values = await redis.mget(keys);
  return keys.flatMap((key, index) => {
    const value = values[index];
    if (value == null) return [];
    return [parseHeartbeat(key.slice(heartbeatPrefix.length), value)];
  });
}

function parseHeartbeat(workerId: string, value: string): ProcessorHeartbeat {
  let data: Partial<Record<keyof Heartbeat, unknown>> = {};
  try {
    data = JSON.parse(value) as typeof data;
  } catch {
    // A heartbeat we cannot read still says the worker is alive.
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? new Date(v).toISOString() : null);
  return {
    worker_id: workerId,
    host: typeof data.host === 'string' ? data.host : null,
    pid: typeof data.pid === 'number' ? data.pid : null,
    started_at: text(data.startedAt),
    at: text(data.at),
  };
}
