import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../testDatabase.js';
import { runToEnd, startProcess, type RunningProcess } from './childProcess.js';
import { freePort } from './freePort.js';
import { deleteRedisKeys } from './redisCleanup.js';
import { makeStackDirs, removeStackDirs, type StackDirs } from './stackDirs.js';
import { startNginx, type NginxOptions, type RunningNginx } from './startNginx.js';
import { waitForHttp } from './waitForHttp.js';
import { baseEnv } from './baseEnv.js';
import { ensureWebBuild } from '@keepsake/launcher';

export interface StackOptions {
  /** More environment for the server and the processor (e.g. SESSION_IDLE_MINUTES). */
  env?: Record<string, string>;
  /**
   * `built`: the server as `npm start` and the image run it, `node server/dist/main.js` (the
   * caller built it: `npm run build`), for measuring it; by default from source under tsx, whose
   * loader thread and transpiled sources add tens of MB and start-up time.
   */
  server?: 'source' | 'built';
}

export interface StackUser {
  username: string;
  password: string;
  email?: string;
  fullName?: string;
  admin?: boolean;
}

export interface Stack {
  /** Where the server answers, e.g. http://127.0.0.1:41234 (the gallery and /api). */
  baseUrl: string;
  port: number;
  database: TestDatabase;
  dirs: StackDirs;
  redisUrl: string;
  redisPrefix: string;
  /** The configuration every part of this stack runs with. */
  env: NodeJS.ProcessEnv;
  server: RunningProcess;
  /** Creates a user through the project's own CLI (`npm run user -- create`). */
  createUser(user: StackUser): Promise<void>;
  /**
   * Processes what is in imports/ and exits (`npm run process -- --once`). Exit code 1
   * means some file failed (a test may want that); anything else non-zero throws. `env` adds
   * to this run's configuration (e.g. HLS_SEGMENT_SECONDS).
   */
  processImports(env?: Record<string, string>): Promise<{ exitCode: number; output: string }>;
  /**
   * Puts the real nginx (rendered by nginx/render, as `npm start` runs it) in front of the
   * server; stopped with the stack. Start the stack with ACCEL_REDIRECT=true for segments.
   */
  startNginx(options?: NginxOptions): Promise<RunningNginx>;
  /** Runs one of the project's npm scripts with this stack's configuration. */
  runScript(script: string, args?: string[], input?: string): Promise<string>;
  /** Stops the processes and drops the database, the Redis keys and the directories. */
  stop(): Promise<void>;
}

/**
 * A whole Keepsake for one test file: a throwaway database, its own directories with
 * first-run secrets (scripts/init), its own Redis prefix, and the real server as a child
 * process on a free loopback port serving the built gallery. The processor runs on demand.
 * `stack.startNginx()` puts the real nginx in front.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const webDist = await ensureWebBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const database = await createTestDatabase();
  const cleanups: (() => Promise<void>)[] = [() => database.drop()];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const dirs = await makeStackDirs(baseUrl);
    cleanups.push(() => removeStackDirs(dirs));
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const redisPrefix = `test:${randomUUID()}:`;
    cleanups.push(() => deleteRedisKeys(redisUrl, redisPrefix));
    const env: NodeJS.ProcessEnv = {
      ...baseEnv(),
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      IMPORTS_DIR: dirs.imports,
      ASSETS_DIR: dirs.assets,
      PRIVATE_DIR: dirs.private,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      WEB_DIST_DIR: webDist,
      WORKERS: '1',
      ...options.env,
    };

    const server =
      options.server === 'built'
        ? startProcess('server', process.execPath, ['server/dist/main.js'], env)
        : startProcess('server', 'npm', ['run', '--silent', 'start:server'], env);
    cleanups.push(() => server.stop());
    await waitForHttp(`${baseUrl}/api/health`, server);

    const runScript = (script: string, args: string[] = [], input?: string) =>
      runToEnd(`npm run ${script}`, 'npm', ['run', '--silent', script, '--', ...args], env, input);

    return {
      baseUrl,
      port,
      database,
      dirs,
      redisUrl,
      redisPrefix,
      env,
      server,
      runScript,
      startNginx: async (nginxOptions) => {
        const nginx = await startNginx({ env, dirs, port }, nginxOptions);
        cleanups.push(() => nginx.stop());
        return nginx;
      },
      createUser: async (user) => {
        const args = [
          'create',
          '--username',
          user.username,
          '--email',
          user.email ?? `${user.username}@example.com`,
          '--name',
          user.fullName ?? user.username,
          '--password-stdin',
        ];
        if (user.admin) args.push('--admin');
        await runScript('user', args, `${user.password}\n`);
      },
      processImports: async (extraEnv = {}) => {
        const run = startProcess('npm run process', 'npm', ['run', '--silent', 'process', '--', '--once'], {
          ...env,
          ...extraEnv,
        });
        const exitCode = await run.exited;
        if (typeof exitCode !== 'number' || exitCode > 1)
          throw new Error(`processing failed (${exitCode}):\n${run.output()}`);
        return { exitCode, output: run.output() };
      },
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
