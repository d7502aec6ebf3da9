import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKeyStore } from '@keepsake/vault';
import {
  createProcessingEnv,
  createTestDatabase,
  generateImage,
  generateVideo,
  playHlsUrl,
  repoRoot,
  type ProcessingEnv,
  type TestDatabase,
} from '@keepsake/testkit';
import { createTestApp } from '../../server/src/testing/testApp.js';
import { createTestUser, signIn } from '../../server/src/testing/testUsers.js';

const execFileAsync = promisify(execFile);
const passphrase = 'correct horse battery staple';

/** The real `npm run backup|restore` command with the passphrase piped in. */
function cli(
  command: 'backup' | 'restore',
  args: string[],
  env: Record<string, string>,
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', command, '--', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('backup, then restore onto an empty install', () => {
  let env: ProcessingEnv;
  let target: TestDatabase;
  let work: string;
  let archive: string;
  let targetEnv: Record<string, string>;

  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    await generateImage({ file: path.join(env.importsDir, 'garden.jpg'), width: 640, height: 480, format: 'jpeg' });
    await generateVideo({ file: path.join(env.importsDir, 'beach.mp4'), width: 640, height: 360, seconds: 3 });
    expect((await env.processor().runOnce()).completed).toBe(2);
    await createTestUser(env.t.db, 'mum', 'admin');
    await fs.writeFile(path.join(env.privateDir, 'jwt.secret'), randomBytes(48).toString('base64url'));

    work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-restore-'));
    archive = path.join(work, 'keepsake.tar');
    // A fresh install: migrated but empty database, empty assets, its own new master key (init ran).
    target = await createTestDatabase();
    await fs.mkdir(path.join(work, 'assets'));
    await fs.mkdir(path.join(work, 'private'), { mode: 0o700 });
    await fs.writeFile(path.join(work, 'private', 'master.key'), `${randomBytes(32).toString('base64')}\n`);
    targetEnv = {
      DATABASE_URL: target.url,
      ASSETS_DIR: path.join(work, 'assets'),
      PRIVATE_DIR: path.join(work, 'private'),
    };
  }, 240_000);
  afterAll(async () => {
    await target?.drop();
    await env?.close();
    await fs.rm(work, { recursive: true, force: true });
  });

  it('writes one archive and brings every item back: photos open and videos play through the server', async () => {
    const backup = await cli('backup', ['--out', archive, '--passphrase-stdin'], env.env, passphrase);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*: 2 items, 1 users/);
    const { stdout: listing } = await execFileAsync('tar', ['-tf', archive]);
    const names = listing.split('\n');
    expect(names).toEqual(
      expect.arrayContaining(['manifest.json', 'manifest.mac', 'database.dump.sealed', 'private.vault.sealed']),
    );
    expect(names).not.toContain('database.dump');
    expect((await fs.stat(archive)).mode & 0o777).toBe(0o600);
    // The master key and the database are inside, but only encrypted: not even pg_dump's magic shows.
    const bytes = await fs.readFile(archive);
    const masterKey = await fs.readFile(path.join(env.privateDir, 'master.key'), 'utf8');
    expect(bytes.includes(Buffer.from(masterKey.trim()))).toBe(false);
    expect(bytes.includes(Buffer.from('PGDMP'))).toBe(false);

    const wrong = await cli('restore', [archive, '--passphrase-stdin'], targetEnv, 'not the passphrase');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('wrong backup passphrase');

    const restore = await cli('restore', [archive, '--passphrase-stdin'], targetEnv, passphrase);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(await fs.readFile(path.join(work, 'private', 'master.key'), 'utf8')).toBe(masterKey);

    // The restored install, served by the real server with its restored master key.
    const keyStore = await openKeyStore({ db: target.db, masterKeyFile: path.join(work, 'private', 'master.key') });
    const h = await createTestApp({ database: target, keyStore, env: { ASSETS_DIR: targetEnv.ASSETS_DIR! } });
    try {
      const mum = await signIn(h.app, 'mum');
      const { items } = (await h.app.inject({ url: '/api/media/library', headers: mum.auth })).json<{
        items: { id: string; type: string; image_url: string; thumbnail_url: string; stream_url: string }[];
      }>();
      expect(items).toHaveLength(2);
      await h.app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
      for (const item of items) {
        const thumb = await fetch(`${base}${item.thumbnail_url}`);
        expect(thumb.status).toBe(200);
        if (item.type === 'image') {
          const image = Buffer.from(await (await fetch(`${base}${item.image_url}`)).arrayBuffer());
          const original = await env.t.db
            .selectFrom('media_files')
            .select('image_path')
            .where('id', '=', item.id)
            .executeTakeFirstOrThrow();
          expect(image.equals(await env.openSealed(original.image_path!))).toBe(true);
        } else {
          expect(await playHlsUrl(`${base}${item.stream_url}`)).toBe('');
        }
      }
    } finally {
      await h.close();
    }
  });

  it('refuses to restore over an install that already holds data', async () => {
    const again = await cli('restore', [archive, '--passphrase-stdin'], targetEnv, passphrase);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds users or media|is not empty/);
  });
});
