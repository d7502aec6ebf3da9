/**
 * Upload benchmark (issue 10), one run on loopback: a generated file (1 GiB; `--size 200` for
 * 200 MiB) uploaded with tus in 32 MiB PATCHes through nginx + server (sign-in, tus, the file
 * store, the move into imports/uploads/), next to the same nginx alone writing the same bytes to
 * disk (WebDAV PUT of the same chunks into a folder), same TLS, same run. The server's peak RSS is
 * sampled during the upload; the server is the compiled one npm start and the image run (built
 * here with tsc -b first). Goals: ≥ 0.7 of the baseline's throughput, peak RSS < 200 MB.
 * Nothing asserted. Run: npm run bench -- upload, or with a size:
 * node --conditions=source --import tsx bench/upload/run.ts --size 200
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UPLOAD_CHUNK_BYTES } from '@keepsake/platform';
import {
  runToEnd,
  sampleGroupRss,
  setUpTestDatabases,
  startStack,
  tusCreate,
  tusPatch,
  type RunningNginx,
  type TusTarget,
} from '@keepsake/testkit';
import { addNginxLocation } from '../shared/addNginxLocation.js';
import { putChunk } from './putChunk.js';
import { writeRandomFile } from './writeRandomFile.js';

const MiB = 1024 * 1024;
const THROUGHPUT_GOAL = 0.7;
const RSS_GOAL_BYTES = 200e6;
const bench = { login: 'bench', password: 'Bench#Mark2025' };

const { values } = parseArgs({ options: { size: { type: 'string', default: '1024' } } });
const size = Number(values.size) * MiB;
if (!Number.isInteger(size) || size <= 0) throw new Error(`--size takes a number of MiB, not ${values.size}`);

/** A WebDAV location that takes PUTs of upload-sized chunks into `dir`: nginx alone on disk. */
async function addPutLocation(nginx: RunningNginx, dir: string): Promise<string> {
  await addNginxLocation(
    nginx,
    [
      '    location /bench-put/ {',
      `      alias ${dir}/;`,
      '      dav_methods PUT;',
      '      client_max_body_size 40m;',
      '      client_body_timeout 120s;',
      '    }',
    ].join('\n'),
    async () => (await nginx.request('/bench-put/probe', { method: 'PUT', body: 'ok' })).status === 201,
  );
  return `${nginx.baseUrl}/bench-put/`;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** Where the baseline's PUTs land: beside the generated file, in the stack's folder. */
const putDir = (source: string) => path.join(path.dirname(source), 'bench-put');
const megabytesPerSecond = (seconds: number) => size / 1e6 / seconds;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

/**
 * Chunk by chunk, nginx alone (a PUT, its file removed again untimed) and then the tus upload
 * (the POST that creates it counted on its side); the seconds each side took in all.
 */
async function alternateChunks(target: TusTarget, putBase: string, source: string) {
  let uploadSeconds = 0;
  let baselineSeconds = 0;
  let url = '';
  uploadSeconds += await timed(async () => {
    const created = await tusCreate(target, size, 'bench-upload.bin');
    if (created.status !== 201) throw new Error(`upload refused: ${created.status} ${created.body}`);
    url = created.headers.location!;
  });
  let importPath = '';
  for (let offset = 0, part = 0; offset < size; offset += UPLOAD_CHUNK_BYTES, part += 1) {
    const end = Math.min(size, offset + UPLOAD_CHUNK_BYTES);
    const partUrl = new URL(`part-${part}`, putBase);
    baselineSeconds += await timed(() => putChunk(partUrl, target.ca, source, offset, end));
    await fs.rm(path.join(putDir(source), `part-${part}`));
    uploadSeconds += await timed(async () => {
      const answer = await tusPatch(target, url, source, { offset, end });
      if (answer === 'cut' || answer.status !== 204 || Number(answer.headers['upload-offset']) !== end) {
        throw new Error(`PATCH at ${offset} failed: ${answer === 'cut' ? 'cut' : `${answer.status} ${answer.body}`}`);
      }
      importPath = String(answer.headers['keepsake-import-path'] ?? '');
    });
  }
  return { baselineSeconds, uploadSeconds, importPath };
}

async function main(): Promise<void> {
  // The server measured is the one npm start and the image run: compiled, not under tsx.
  await runToEnd('tsc -b server', 'npx', ['tsc', '-b', 'server'], process.env);
  const teardown = await setUpTestDatabases();
  const stack = await startStack({ env: { ACCEL_REDIRECT: 'true', LOG_LEVEL: 'warn' }, server: 'built' });
  try {
    await stack.createUser({ username: bench.login, password: bench.password });
    const nginx = await stack.startNginx();
    const login = await nginx.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...bench, device_id: 'bench' }),
    });
    const headers = { authorization: `Bearer ${login.json<{ access_token: string }>().access_token}` };
    const source = path.join(stack.dirs.root, 'bench-upload.bin');
    await writeRandomFile(source, size);
    await fs.mkdir(putDir(source));
    const putBase = await addPutLocation(nginx, putDir(source));

    const target: TusTarget = { base: nginx.baseUrl, headers, ca: nginx.ca };
    const rss = sampleGroupRss(stack.server.child.pid!);
    const { baselineSeconds, uploadSeconds, importPath } = await alternateChunks(target, putBase, source);
    const memory = rss.stop();
    const stored = await fs.stat(path.join(stack.dirs.imports, importPath));
    if (stored.size !== size) throw new Error(`the upload landed with ${stored.size} of ${size} bytes`);

    const ratio = baselineSeconds / uploadSeconds;
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
    const chunks = Math.ceil(size / UPLOAD_CHUNK_BYTES);
    console.log(`\n${values.size} MiB of random bytes in ${chunks} chunks of 32 MiB over HTTPS, one connection each`);
    console.log(
      `  nginx + server (tus PATCH, file store, move into imports/)  ${megabytesPerSecond(uploadSeconds).toFixed(0).padStart(5)} MB/s  ${uploadSeconds.toFixed(1)} s`,
    );
    console.log(
      `  nginx alone writing to disk (WebDAV PUT, baseline)          ${megabytesPerSecond(baselineSeconds).toFixed(0).padStart(5)} MB/s  ${baselineSeconds.toFixed(1)} s`,
    );
    console.log(
      `  ratio ${ratio.toFixed(2)} of the baseline; goal ≥ ${THROUGHPUT_GOAL}: ${verdict(ratio >= THROUGHPUT_GOAL)}`,
    );
    console.log(
      `  server RSS: peak during the upload ${mb(memory.peakRssBytes)} (every 100 ms; ${mb(memory.atRestBytes)} at rest before it, VmHWM since start ${mb(memory.highWaterMarkBytes)}); goal < 200 MB: ${verdict(memory.peakRssBytes < RSS_GOAL_BYTES)}`,
    );
    console.log(`  (measured: pid's command …${memory.command.slice(-60)})`);
    console.log(
      `\nmachine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} (client, nginx, server, PostgreSQL and Redis share them)`,
    );
  } finally {
    await stack.stop(); // also removes the generated file, the baseline's folder and the upload
    await teardown();
  }
}

await main();
