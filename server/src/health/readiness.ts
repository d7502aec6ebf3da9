import fs from 'node:fs/promises';
import { sql } from 'kysely';
import type { Db } from '@keepsake/database';
import type { Redis } from '@keepsake/platform';
import type { ClientSightings } from '../network/clientSightings.js';
import type { KeyStore } from '@keepsake/vault';
import { listProcessorHeartbeats } from './processorHeartbeats.js';

export interface CheckResult {
  ok: boolean;
  message: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<'database' | 'redis' | 'assets' | 'processor' | 'master_key', CheckResult>;
  warnings: string[];
}

export interface ReadinessDeps {
  db: Db;
  redis: Redis;
  assetsDir: string;
  keyStore: KeyStore | undefined;
  sightings: ClientSightings;
}

/** A dependency that does not answer within this long counts as down (a hung check must not hang the probe). */
const checkTimeoutMs = 2000;

async function check(name: string, probe: () => Promise<string>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${checkTimeoutMs} ms`)), checkTimeoutMs);
  });
  try {
    return { ok: true, message: await Promise.race([probe(), timeout]) };
  } catch (error) {
    return { ok: false, message: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this server can do its job: PostgreSQL, Redis, the assets folder, a processor, the master key. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const [database, redis, assets, processor, masterKey] = await Promise.all([
    check('PostgreSQL', async () => {
      await sql`SELECT 1`.execute(deps.db);
      return 'reachable';
    }),
    check('Redis', async () => `answered ${await deps.redis.ping()}`),
    check('assets folder', async () => {
      await fs.access(deps.assetsDir, fs.constants.R_OK | fs.constants.X_OK);
      return `${deps.assetsDir} is readable`;
    }),
    check('processor', async () => {
      const workers = await listProcessorHeartbeats(deps.redis);
      if (workers.length === 0) throw new Error('no processor heartbeat in Redis; is the processor running?');
      return `${workers.length} worker(s) alive`;
    }),
    check('master key', async () => {
      if (!deps.keyStore) throw new Error('not loaded');
      return 'loaded';
    }),
  ]);
  const checks = { database, redis, assets, processor, master_key: masterKey };
  const warning = deps.sightings.report().warning;
  return {
    ready: Object.values(checks).every((c) => c.ok),
    checks,
    warnings: warning ? [warning] : [],
  };
}
