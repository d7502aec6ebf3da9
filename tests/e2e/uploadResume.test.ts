import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  playHlsUrl,
  startStack,
  tusCreate,
  tusOffset,
  tusPatch,
  type RunningNginx,
  type Stack,
  type TusTarget,
  waitFor,
} from '@keepsake/testkit';
import { apiSignIn } from './support/apiSignIn.js';

const run = promisify(execFile);
const nora = { login: 'nora', password: 'Lantern#Bay31' };
const chunk = 32 * 1024 * 1024;

/**
 * Issue 10.1's flaky link through the real nginx: a video of ~28 MB (noise at 40 Mbit/s, so it
 * does not compress; the issue's 300 MB is cut to a tenth to spare the shared machine) is
 * uploaded in one tus chunk, the connection is cut after 15 MB, and the client asks HEAD how far
 * the server got and sends the rest from there. The finished file processes and plays.
 */
describe('a resumable upload through nginx survives a cut connection', () => {
  let stack: Stack;
  let nginx: RunningNginx;
  let target: TusTarget;
  let video: string;

  beforeAll(async () => {
    stack = await startStack({ env: { ACCEL_REDIRECT: 'true', UPLOAD_MIN_FREE_BYTES: '0' } });
    await stack.createUser({ username: nora.login, password: nora.password });
    nginx = await stack.startNginx();
    target = { base: nginx.baseUrl, headers: (await apiSignIn(nginx, nora)).headers, ca: nginx.ca };
    video = path.join(stack.dirs.root, 'noisy.mp4');
    await run('ffmpeg', [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25'],
      ...['-vf', 'noise=alls=30:allf=t', '-t', '5', '-c:v', 'libx264', '-preset', 'ultrafast'],
      ...['-b:v', '40M', '-maxrate', '40M', '-bufsize', '80M', '-pix_fmt', 'yuv420p', video],
    ]);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('resumes from what the server kept, completes, processes and plays', async () => {
    const size = fs.statSync(video).size;
    expect(size).toBeGreaterThan(20 * 1024 * 1024);
    expect(size).toBeLessThan(chunk);
    const created = await tusCreate(target, size, 'noisy.mp4');
    expect(created.status, created.body).toBe(201);
    const url = created.headers.location!;

    expect(await tusPatch(target, url, video, { offset: 0, end: size, cutAfter: 15 * 1024 * 1024 })).toBe('cut');
    // The server writes what reached it; nginx passed it on as it came (no request buffering).
    const offset = await waitFor('the bytes before the cut on disk', () => tusOffset(target, url));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(size);

    const rest = await tusPatch(target, url, video, { offset, end: size });
    expect(rest !== 'cut' && rest.status).toBe(204);
    const importPath = rest !== 'cut' ? String(rest.headers['keepsake-import-path']) : '';
    expect(importPath).toBe('uploads/nora/noisy.mp4');
    expect(fs.readFileSync(path.join(stack.dirs.imports, importPath)).equals(fs.readFileSync(video))).toBe(true);

    const processed = await stack.processImports();
    expect(processed.exitCode, processed.output).toBe(0);
    const library = await nginx.request('/api/media/library', { headers: target.headers });
    const [item] = library.json<{ items: { original_name: string; stream_url: string }[] }>().items;
    expect(item?.original_name).toBe('noisy.mp4');
    await playHlsUrl(new URL(item!.stream_url, nginx.baseUrl).href, 'error', [
      '-ca_file',
      path.join(stack.dirs.private, 'ca.crt'),
    ]);
  }, 300_000);

  it('refuses a declaration over UPLOAD_MAX_BYTES at nginx’s door with the API’s error', async () => {
    const refused = await tusCreate(target, 30 * 1024 ** 3, 'huge.mov');
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'UPLOAD_001' } });
  });
});
