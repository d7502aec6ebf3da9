/**
 * Serving benchmark (issue 6), one run on loopback: HLS segment requests/s and MB/s through
 * nginx + server (signed URL check, live-session check, audit, then nginx sends the file from
 * disk via X-Accel-Redirect), next to the same nginx serving the same file as a plain static
 * file. Both over the same TLS, same keep-alive connections, loaded by wrk (Debian's package,
 * installed by scripts/test-services). Goal: ≥ 0.6 of the static figure. Run: npm run bench -- serving.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { wrk, type WrkResult } from './wrk.js';
import { addNginxLocation } from '../shared/addNginxLocation.js';
import { generateVideo, setUpTestDatabases, startStack, type RunningNginx } from '@keepsake/testkit';

// The goal is judged on a real segment's size (a 10 s 720p segment is 1–3 MB); the small one
// is for reference: it shows the server's cost per request, which large files hide.
const SIZES = [
  { label: '2 MiB', bytes: 2 * 1024 * 1024, judged: true },
  { label: '64 KiB', bytes: 64 * 1024, judged: false },
];
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const GOAL = 0.6;

const load = (url: string, seconds: number) => wrk(url, { connections: CONNECTIONS, threads: 2, seconds });

/** Adds a plain static location over ASSETS_DIR to the running nginx. */
async function addStaticLocation(nginx: RunningNginx, assetsDir: string): Promise<string> {
  await addNginxLocation(
    nginx,
    `    location /bench-static/ {\n      alias ${assetsDir}/;\n    }`,
    async () => (await nginx.request('/bench-static/.probe')).text() === 'ok',
  );
  return '/bench-static';
}

const mb = (bytesPerSecond: number) => bytesPerSecond / 1e6;
const line = (label: string, r: WrkResult) =>
  `  ${label}  ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  ${mb(r.bytesPerSecond).toFixed(0).padStart(5)} MB/s  p50 ${r.p50Ms.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms${r.failures ? `  FAILED: ${r.failures} errors or non-2xx` : ''}`;

async function main(): Promise<void> {
  const teardown = await setUpTestDatabases();
  const stack = await startStack({ env: { ACCEL_REDIRECT: 'true', LOG_LEVEL: 'warn' } });
  try {
    await stack.createUser({ username: 'bench', password: 'Bench#Mark2025' });
    await generateVideo({ file: path.join(stack.dirs.imports, 'bench.mp4'), width: 320, height: 240, seconds: 2 });
    const processed = await stack.processImports();
    if (processed.exitCode !== 0) throw new Error(`processing failed:\n${processed.output}`);
    const nginx = await stack.startNginx();

    const login = await nginx.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'bench', password: 'Bench#Mark2025', device_id: 'bench' }),
    });
    const auth = { authorization: `Bearer ${login.json<{ access_token: string }>().access_token}` };
    const library = await nginx.request('/api/media/library', { headers: auth });
    const video = library.json<{ items: { id: string; stream_url: string }[] }>().items[0]!;
    const master = (await nginx.request(video.stream_url)).text();
    const variantUrl = master.split('\n').find((line) => line.startsWith('/api/'))!;
    const firstSegment = (await nginx.request(variantUrl))
      .text()
      .split('\n')
      .find((line) => line.startsWith('/api/media/segment/'))!;

    await fs.writeFile(path.join(stack.dirs.assets, '.probe'), 'ok');
    const staticPrefix = await addStaticLocation(nginx, stack.dirs.assets);
    let failed = false;
    for (const size of SIZES) {
      // A segment-sized file beside the real ones, named like them: the server checks it as any other.
      const segmentUrl = new URL(firstSegment, nginx.baseUrl);
      segmentUrl.pathname = segmentUrl.pathname.replace(/seg_\d+\.ts$/, `seg_9${size.bytes}.ts`);
      const relative = segmentUrl.pathname.replace(/^\/api\/media\/segment\//, 'videos/');
      await fs.writeFile(path.join(stack.dirs.assets, relative), randomBytes(size.bytes));
      const staticUrl = `${nginx.baseUrl}${staticPrefix}/${relative}`;
      for (const url of [segmentUrl.toString(), staticUrl]) {
        const answer = await nginx.request(url);
        if (answer.status !== 200 || answer.body.length !== size.bytes) {
          throw new Error(`${url} not served whole (${answer.status}, ${answer.body.length} bytes)`);
        }
      }
      // Warm-up, then the measured runs.
      await load(segmentUrl.toString(), 2);
      await load(staticUrl, 2);
      const viaServer = await load(segmentUrl.toString(), SECONDS);
      const viaStatic = await load(staticUrl, SECONDS);
      const ratio = viaServer.requestsPerSecond / viaStatic.requestsPerSecond;
      failed ||= viaServer.failures > 0 || viaStatic.failures > 0;
      console.log(
        `\nsegment of ${size.label} over HTTPS, ${CONNECTIONS} keep-alive connections, ${SECONDS} s each (wrk)`,
      );
      console.log(line('nginx + server (signed URL, session, audit, X-Accel-Redirect)', viaServer));
      console.log(line('nginx static file, same nginx (baseline)                     ', viaStatic));
      console.log(
        `  ratio ${ratio.toFixed(2)} of the static figure; ${size.judged ? `goal ≥ ${GOAL}: ${ratio >= GOAL ? 'met' : 'MISSED'}` : 'for reference (cost per request)'}`,
      );
    }
    console.log(
      `\nmachine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} (wrk, nginx, server, PostgreSQL and Redis share them)`,
    );
    if (failed) process.exitCode = 1;
  } finally {
    await stack.stop();
    await teardown();
  }
}

await main();
