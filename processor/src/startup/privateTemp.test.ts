import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProcessingEnv, generateHeic, generateVideo, type ProcessingEnv } from '@keepsake/testkit';
import { decodeHeic } from '../pipelines/image/decodeHeic.js';
import { writeHlsKeyFiles } from '../pipelines/video/hlsKeyFiles.js';
import { openPrivateTemp } from './privateTemp.js';

let work: string;

/** A pid that was a process a moment ago and is no more, as a crashed processor's is. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await once(child, 'exit');
  return child.pid!;
}

async function mode(file: string): Promise<number> {
  return (await fs.stat(file)).mode & 0o777;
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-temp-test-'));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

describe('openPrivateTemp', () => {
  test('wipes what stopped processors left, keeps running ones', async () => {
    const root = path.join(work, 'wipe');
    const stale = [`${await deadPid()}-crashed`, `${process.pid}-before-a-restart`, 'stray'];
    const live = `${process.ppid}-running`;
    for (const name of [...stale, live]) {
      await fs.mkdir(path.join(root, name), { recursive: true });
      await fs.writeFile(path.join(root, name, 'decoded.png'), 'plaintext');
    }
    const temp = await openPrivateTemp(root);
    expect(temp.wiped.sort()).toEqual(stale.sort());
    expect((await fs.readdir(root)).sort()).toEqual([live, path.basename(temp.dir)].sort());

    // A second processor in the same process does not wipe the first one's folder.
    const second = await openPrivateTemp(root);
    expect(second.wiped).toEqual([]);
    await second.close();
    await temp.close();
    expect(await fs.readdir(root)).toEqual([live]);
  });

  test('the root and every folder in it are 0700, even when the root was made open to all', async () => {
    const root = path.join(work, 'open');
    await fs.mkdir(root);
    await fs.chmod(root, 0o777);
    const temp = await openPrivateTemp(root);
    const job = await temp.make('heic');
    expect([await mode(root), await mode(temp.dir), await mode(job.dir)]).toEqual([0o700, 0o700, 0o700]);
    await job.dispose();
    await expect(fs.access(job.dir)).rejects.toThrow();
    await temp.close();
  });

  test('a root that is a symlink (someone else made it first) is refused', async () => {
    const elsewhere = path.join(work, 'elsewhere');
    await fs.mkdir(elsewhere);
    const root = path.join(work, 'planted');
    await fs.symlink(elsewhere, root);
    await expect(openPrivateTemp(root)).rejects.toThrow(/not a folder of this user/);
  });
});

describe('plaintext temporary files', () => {
  test('a decoded HEIC lives in the private folder and is gone after dispose', async () => {
    const temp = await openPrivateTemp(path.join(work, 'heic'));
    const heic = await generateHeic({ file: path.join(work, 'photo.heic'), width: 64, height: 48 });
    const decoded = await decodeHeic(heic, temp);
    expect(path.dirname(path.dirname(decoded.file))).toBe(temp.dir);
    await decoded.dispose();
    expect(await fs.readdir(temp.dir)).toEqual([]);
    await temp.close();
  });

  test('the HLS key and key-info files live in the private folder, 0600', async () => {
    const temp = await openPrivateTemp(path.join(work, 'hls'));
    const files = await writeHlsKeyFiles(randomBytes(16), 'key-id', temp);
    expect(path.dirname(path.dirname(files.keyInfoFile))).toBe(temp.dir);
    const keyFile = (await fs.readFile(files.keyInfoFile, 'utf8')).split('\n')[1]!;
    expect(path.dirname(keyFile)).toBe(path.dirname(files.keyInfoFile));
    expect([await mode(keyFile), await mode(files.keyInfoFile)]).toEqual([0o600, 0o600]);
    await files.dispose();
    expect(await fs.readdir(temp.dir)).toEqual([]);
    await temp.close();
  });
});

describe('a processor', () => {
  let env: ProcessingEnv;
  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
  });
  afterAll(async () => env?.close());

  test('wipes a crashed run’s leftovers at start, and leaves nothing behind after a HEIC and a video', async () => {
    const root = path.join(work, 'processor');
    const crashed = path.join(root, `${await deadPid()}-crashed`);
    await fs.mkdir(crashed, { recursive: true });
    await fs.writeFile(path.join(crashed, 'video.key'), randomBytes(16));
    await generateHeic({ file: path.join(env.importsDir, 'photo.heic'), width: 64, height: 48 });
    await generateVideo({ file: path.join(env.importsDir, 'clip.mp4'), width: 160, height: 120, seconds: 1 });
    const summary = await env.processor({ tempRoot: root }).runOnce();
    expect(summary).toMatchObject({ completed: 2, failed: 0 });
    expect(await fs.readdir(root)).toEqual([]);
  });
});
