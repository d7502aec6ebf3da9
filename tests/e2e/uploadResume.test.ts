import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  playHlsUrl,
  sampleGroupRss,
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
const MiB = 1024 * 1024;
const chunk = 32 * MiB;
const size = 300 * MiB;

/** A top-level MP4 `free` box of `bytes` in all, appended: players and ffmpeg skip it. */
async function padWithFreeBox(file: string, bytes: number): Promise<void> {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(bytes, 0);
  header.write('free', 4, 'latin1');
  const start = fs.statSync(file).size;
  fs.appendFileSync(file, header);
  // The rest of the box: zeros, written sparse (the upload still sends every byte).
  await fs.promises.truncate(file, start + bytes);
}

const digestOf = async (file: string) => {
  const hash = createHash('sha256');
  for await (const piece of fs.createReadStream(file)) hash.update(piece as Buffer);
  return hash.digest('hex');
};

/**
 * Issue 10.1's flaky link through the real nginx: a 300 MiB video is uploaded in 32 MiB tus
 * chunks, the connection is cut at about half (inside the fifth chunk), and the client asks HEAD
 * how far the server got and sends the rest from there. The finished file processes and plays;
 * the server's memory stays flat while 300 MiB go through it. The video is 5 s of noise at
 * 40 Mbit/s padded to size with an MP4 `free` box, so processing stays short.
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
      ...['-b:v', '40M', '-maxrate', '40M', '-bufsize', '80M', '-pix_fmt', 'yuv420p'],
      ...['-movflags', '+faststart', video],
    ]);
    await padWithFreeBox(video, size - fs.statSync(video).size);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('resumes from what the server kept, completes, processes and plays, with the server’s memory flat', async () => {
    expect(fs.statSync(video).size).toBe(size);
    const rss = sampleGroupRss(stack.server.child.pid!);
    const created = await tusCreate(target, size, 'noisy.mp4');
    expect(created.status, created.body).toBe(201);
    const url = created.headers.location!;

    let offset = 0;
    for (; offset < 4 * chunk; offset += chunk) {
      const sent = await tusPatch(target, url, video, { offset, end: offset + chunk });
      expect(sent !== 'cut' && sent.status).toBe(204);
    }
    // The connection drops at about half, inside the fifth chunk.
    const cutAt = size / 2 - offset;
    expect(await tusPatch(target, url, video, { offset, end: offset + chunk, cutAfter: cutAt })).toBe('cut');
    // The server writes what reached it; nginx passed it on as it came (no request buffering).
    const kept = await waitFor('the bytes before the cut on disk', async () => {
      const now = await tusOffset(target, url);
      return now > offset ? now : undefined;
    });
    expect(kept).toBeLessThan(offset + chunk);

    let answer: Awaited<ReturnType<typeof tusPatch>> = 'cut';
    for (offset = kept; offset < size; offset = Number(answer.headers['upload-offset'])) {
      answer = await tusPatch(target, url, video, { offset, end: Math.min(size, offset + chunk) });
      if (answer === 'cut') throw new Error(`PATCH at ${offset} was cut`);
      expect(answer.status, answer.body).toBe(204);
    }
    const memory = rss.stop();
    const importPath = answer === 'cut' ? '' : String(answer.headers['keepsake-import-path']);
    expect(importPath).toBe('uploads/nora/noisy.mp4');
    const stored = path.join(stack.dirs.imports, importPath);
    expect(await digestOf(stored)).toBe(await digestOf(video));
    // Streamed to disk, never held: 300 MiB went through; the server grew by a small fraction of it.
    const grewBy = memory.peakRssBytes - memory.atRestBytes;
    console.log(
      `server RSS ${(memory.atRestBytes / 1e6).toFixed(0)} MB at rest, ${(memory.peakRssBytes / 1e6).toFixed(0)} MB at peak during ${size / MiB} MiB`,
    );
    expect(memory.command).toMatch(/server/);
    expect(grewBy).toBeLessThan(size / 4);

    const processed = await stack.processImports();
    expect(processed.exitCode, processed.output).toBe(0);
    const library = await nginx.request('/api/media/library', { headers: target.headers });
    const [item] = library.json<{ items: { original_name: string; stream_url: string }[] }>().items;
    expect(item?.original_name).toBe('noisy.mp4');
    await playHlsUrl(new URL(item!.stream_url, nginx.baseUrl).href, 'error', [
      '-ca_file',
      path.join(stack.dirs.private, 'ca.crt'),
    ]);
  }, 600_000);

  it('refuses a declaration over UPLOAD_MAX_BYTES at nginx’s door with the API’s error', async () => {
    const refused = await tusCreate(target, 30 * 1024 ** 3, 'huge.mov');
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'UPLOAD_001' } });
  });
});
