/**
 * API benchmark (issue 4), one run on loopback:
 * - library page latency (p50/p95/p99) with 100,000 items, first and deep pages, every sort;
 * - HLS key endpoint latency at 50 concurrent clients;
 * - segment throughput streamed by the API (token + live-session check) next to a bare
 *   Fastify static route serving the same file.
 * Goals: library p95 < 20 ms, key p99 < 10 ms. Run: npm run bench (or npx tsx --conditions=source bench/api/run.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { hlsKeyUri } from '@keepsake/contracts';
import { createDb, migrateToLatest } from '@keepsake/database';
import { createRedis, loadServerConfig } from '@keepsake/platform';
import { openKeyStore } from '@keepsake/vault';
import { databaseUrlFor, dropDatabase, withAdminClient } from '@keepsake/testkit';
import { createUser, MediaUrlSigner } from '@keepsake/server';
import { runLoad, summary } from './loadClient.js';
import { cpuMs } from './cpuTime.js';
import { bulkInsertLibrary } from '../shared/bulkInsertLibrary.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const LIBRARY_REQUESTS = Number(process.env.BENCH_LIBRARY_REQUESTS ?? 600);
const KEY_REQUESTS = Number(process.env.BENCH_KEY_REQUESTS ?? 10_000);
const SEGMENT_MIB = 4;
const SEGMENT_REQUESTS = Number(process.env.BENCH_SEGMENT_REQUESTS ?? 150);
const here = path.dirname(fileURLToPath(import.meta.url));

async function start(script: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(here, script)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function main(): Promise<void> {
  const name = `keepsake_bench_${Date.now().toString(36)}`;
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-bench-api-'));
  const redisPrefix = `bench:${randomUUID()}:`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const children: ChildProcess[] = [];
  const db = createDb({ databaseUrl: databaseUrlFor(name), maxConnections: 4 });
  try {
    await migrateToLatest(db);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrlFor(name),
      REDIS_PREFIX: redisPrefix,
      ASSETS_DIR: path.join(root, 'assets'),
      PRIVATE_DIR: path.join(root, 'private'),
      WEB_DIST_DIR: path.join(root, 'web'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      URL_SIGNING_SECRET: randomBytes(32).toString('hex'),
      ACCEL_REDIRECT: 'false',
    };
    await fs.mkdir(env.PRIVATE_DIR!, { recursive: true });
    await fs.writeFile(path.join(env.PRIVATE_DIR!, 'master.key'), `${randomBytes(32).toString('base64')}\n`);
    const config = loadServerConfig(env);

    process.stdout.write(`inserting ${ITEMS.toLocaleString('en')} library rows… `);
    await bulkInsertLibrary(db, ITEMS);
    console.log('done');
    await createUser(
      { db },
      { username: 'bench', email: 'bench@example.com', fullName: 'Bench', role: 'admin', password: 'Bench#Mark2025' },
    );

    // One video with a real HLS key and a 4 MiB segment file on disk.
    const keyStore = await openKeyStore({ db, masterKeyFile: config.masterKeyFile });
    const video = await db.selectFrom('media_files').select('id').where('type', '=', 'video').executeTakeFirstOrThrow();
    const key = await keyStore.create(video.id, 'hls', 1);
    const segmentDir = path.join(config.assetsDir, 'videos', video.id, 'g1', '720p');
    await fs.mkdir(segmentDir, { recursive: true });
    await fs.writeFile(path.join(segmentDir, 'seg_00000.ts'), randomBytes(SEGMENT_MIB * 1024 * 1024));

    const api = await start('serveApi.ts', env);
    children.push(api.child);
    const bare = await start('serveStatic.ts', { ...env, ASSETS_DIR: config.assetsDir });
    children.push(bare.child);

    const login = await fetch(`http://127.0.0.1:${api.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'bench', password: 'Bench#Mark2025', device_id: 'bench' }),
    });
    const { access_token: token, session_id: sessionId } = (await login.json()) as {
      access_token: string;
      session_id: string;
    };
    const auth = { authorization: `Bearer ${token}` };
    const signer = new MediaUrlSigner(config.urlSigningSecret);

    // Library: walk 10 pages deep in each sort, and the first page of each type; 60 items a page.
    const cursors: string[] = [];
    for (const query of ['sort=taken', 'sort=created&order=asc', 'sort=name', 'type=video&sort=taken']) {
      let cursor: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const pathQuery = `/api/media/library?${query}&limit=60${cursor ? `&cursor=${cursor}` : ''}`;
        cursors.push(pathQuery);
        const body = (await (await fetch(`http://127.0.0.1:${api.port}${pathQuery}`, { headers: auth })).json()) as {
          next_cursor: string | null;
        };
        cursor = body.next_cursor;
      }
    }
    await runLoad({
      port: api.port,
      path: (i) => cursors[i % cursors.length]!,
      headers: auth,
      requests: 100,
      concurrency: 1,
    });
    const library = await runLoad({
      port: api.port,
      path: (i) => cursors[i % cursors.length]!,
      headers: auth,
      requests: LIBRARY_REQUESTS,
      concurrency: 1,
    });
    const lib = summary(library.samples);

    // Server CPU per request is reported too: on a shared machine latency swings, CPU time much less.
    const measure = async (server: { port: number; child: ChildProcess }, p: string) => {
      await runLoad({ port: server.port, path: () => p, requests: 1000, concurrency: 50 });
      const cpuBefore = cpuMs(server.child.pid!);
      const run = await runLoad({ port: server.port, path: () => p, requests: KEY_REQUESTS, concurrency: 50 });
      const cpuMicros = ((cpuMs(server.child.pid!) - cpuBefore) * 1000) / KEY_REQUESTS;
      return { ...summary(run.samples), rate: KEY_REQUESTS / run.seconds, cpuMicros };
    };
    const k = await measure(api, `${hlsKeyUri(key.id)}?t=${signer.sign(sessionId, `key:${key.id}`)}`);
    const bk = await measure(bare, '/bare-key');

    const segmentPath = `/api/media/segment/${video.id}/g1/720p/seg_00000.ts?t=${signer.sign(sessionId, `stream:${video.id}`)}`;
    const barePath = `/static/videos/${video.id}/g1/720p/seg_00000.ts`;
    const throughput = async (port: number, p: string) => {
      await runLoad({ port, path: () => p, requests: 10, concurrency: 4 });
      const run = await runLoad({ port, path: () => p, requests: SEGMENT_REQUESTS, concurrency: 4 });
      const bytes = run.samples.reduce((sum, s) => sum + s.bytes, 0);
      return { mibs: bytes / 1024 / 1024 / run.seconds, failures: summary(run.samples).failures };
    };
    const viaApi = await throughput(api.port, segmentPath);
    const viaBare = await throughput(bare.port, barePath);

    console.log(
      `\nlibrary page (60 items, ${ITEMS.toLocaleString('en')} rows, 1 client, ${LIBRARY_REQUESTS} requests)`,
    );
    console.log(
      `  p50 ${fmt(lib.p50)}  p95 ${fmt(lib.p95)}  p99 ${fmt(lib.p99)}  goal p95 < 20 ms: ${lib.p95 < 20 ? 'met' : 'MISSED'}${lib.failures ? `  failures ${lib.failures}` : ''}`,
    );
    console.log(`key endpoint (50 concurrent clients, ${KEY_REQUESTS} requests)`);
    console.log(
      `  API:      p50 ${fmt(k.p50)}  p95 ${fmt(k.p95)}  p99 ${fmt(k.p99)}  ${k.rate.toFixed(0)} req/s  ${k.cpuMicros.toFixed(0)} µs server CPU/request  goal p99 < 10 ms: ${k.p99 < 10 ? 'met' : 'MISSED'}${k.failures ? `  failures ${k.failures}` : ''}`,
    );
    console.log(
      `  baseline: p50 ${fmt(bk.p50)}  p95 ${fmt(bk.p95)}  p99 ${fmt(bk.p99)}  ${bk.rate.toFixed(0)} req/s  ${bk.cpuMicros.toFixed(0)} µs server CPU/request  (bare Fastify route sending 16 bytes, same load)`,
    );
    console.log(`segment throughput (${SEGMENT_MIB} MiB file, 4 concurrent, ${SEGMENT_REQUESTS} requests)`);
    console.log(
      `  API (token + live session, streamed by Fastify)  ${viaApi.mibs.toFixed(0)} MiB/s${viaApi.failures ? `  failures ${viaApi.failures}` : ''}`,
    );
    console.log(
      `  bare Fastify static route (baseline)             ${viaBare.mibs.toFixed(0)} MiB/s  → API at ${((100 * viaApi.mibs) / viaBare.mibs).toFixed(0)} % of baseline`,
    );
    console.log(
      `machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} (client, servers, PostgreSQL and Redis share them)`,
    );
    if (lib.failures || k.failures || viaApi.failures || viaBare.failures) process.exitCode = 1;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
      ),
    );
    await db.destroy();
    const redis = createRedis({ redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: '' });
    const leftovers = await redis.keys(`${redisPrefix}*`);
    if (leftovers.length > 0) await redis.del(...leftovers);
    redis.disconnect();
    await dropDatabase(name);
    await fs.rm(root, { recursive: true, force: true });
  }
}

await main();
