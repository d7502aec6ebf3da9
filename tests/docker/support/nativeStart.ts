import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  baseEnv,
  createTestDatabase,
  deleteRedisKeys,
  freePort,
  httpsRequest,
  runToEnd,
  startProcess,
  waitForReady,
} from '@keepsake/testkit';

const origin = 'https://127.0.0.1:1027';

/**
 * `npm start` on this machine, timed from the command to nginx answering /api/health with the
 * install's certificate: the native figure beside compose's up-to-healthy. The build is done
 * before the clock starts (npm start would build what changed, which compose's images already hold).
 */
export async function measureNativeStart(): Promise<number> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-native-bench-'));
  const database = await createTestDatabase();
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `test:${randomUUID()}:`;
  const env = {
    ...baseEnv(),
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    IMPORTS_DIR: path.join(root, 'imports'),
    ASSETS_DIR: path.join(root, 'assets'),
    PRIVATE_DIR: path.join(root, 'private'),
    KEEPSAKE_RUN_DIR: path.join(root, 'run'),
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
  await fs.mkdir(env.IMPORTS_DIR);
  await fs.mkdir(env.ASSETS_DIR);
  await runToEnd('npm run build', 'npm', ['run', 'build'], env);
  const started = Date.now();
  const keepsake = startProcess('npm start', 'npm', ['start'], env);
  try {
    await waitForReady(
      `${origin}/api/health`,
      async () => {
        const ca = await fs.readFile(path.join(env.PRIVATE_DIR, 'ca.crt'));
        const answer = await httpsRequest(`${origin}/api/health`, { ca });
        return answer.status === 200 || `HTTP ${answer.status}`;
      },
      keepsake,
      300_000,
    );
    return Date.now() - started;
  } finally {
    await keepsake.stop(40_000);
    await database.drop();
    await deleteRedisKeys(redisUrl, redisPrefix).catch(() => {});
    await fs.rm(root, { recursive: true, force: true });
  }
}
