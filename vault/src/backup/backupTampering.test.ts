import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@keepsake/testkit';
import { OperatorError } from '@keepsake/platform';
import { createBackup, restoreBackup } from './index.js';

const passphrase = 'correct horse battery staple';
const secretEmail = 'rosalind.vandermeer@example.org';
const secretHash = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$UNIQUEHASHMARKERxyz';

let work: string;
let source: TestDatabase;
let target: TestDatabase;
let sourceDirs: { privateDir: string; assetsDir: string };
let targetDirs: { privateDir: string; assetsDir: string };
let targetMasterKey: string;
/** Two archives of the same install under the same passphrase, and one made with --assets list. */
let archiveA: string;
let archiveB: string;
let archiveList: string;

const sourceAssets: Record<string, Buffer> = {
  'images/0b1e/g1/image.webp.sealed': randomBytes(70_000),
  'images/0b1e/g1/thumb.webp.sealed': randomBytes(3_000),
  'videos/5c2a/g1/720p/segment_000.ts': randomBytes(50_000),
};

async function makeInstall(name: string): Promise<{ privateDir: string; assetsDir: string }> {
  const dirs = { privateDir: path.join(work, name, 'private'), assetsDir: path.join(work, name, 'assets') };
  await fs.mkdir(dirs.privateDir, { recursive: true, mode: 0o700 });
  await fs.mkdir(dirs.assetsDir, { recursive: true });
  await fs.writeFile(path.join(dirs.privateDir, 'master.key'), `${randomBytes(32).toString('base64')}\n`, {
    mode: 0o600,
  });
  return dirs;
}

type Progress = [done: number, total: number, stage: string][];
const backupProgress: Progress = [];

function backup(out: string, assets: 'copy' | 'list' = 'copy') {
  return createBackup(
    { db: source.db, databaseUrl: source.url, ...sourceDirs },
    { out, passphrase, assets, onProgress: (...step) => void backupProgress.push(step) },
  );
}

interface RestoreCall {
  passphrase?: string;
  assetsFrom?: string;
  onto?: TestDatabase;
  progress?: Progress;
}

function restore(archive: string, options: RestoreCall = {}) {
  const db = options.onto ?? target;
  return restoreBackup(
    { db: db.db, databaseUrl: db.url, ...targetDirs },
    {
      archive,
      passphrase: options.passphrase ?? passphrase,
      assetsFrom: options.assetsFrom,
      onProgress: (...step) => void options.progress?.push(step),
    },
  );
}

async function entryNames(archive: string): Promise<string[]> {
  const names: string[] = [];
  await tar.list({ file: archive, onReadEntry: (entry) => void names.push(entry.path) });
  return names;
}

/** The archive rewritten after `change` edits its unpacked entries, in the original order. */
async function tampered(archive: string, change: (dir: string) => Promise<void>): Promise<string> {
  const names = await entryNames(archive);
  const dir = await fs.mkdtemp(path.join(work, 'unpacked-'));
  await tar.extract({ file: archive, cwd: dir });
  await change(dir);
  // Every file now there: the original entries first, in their order, then any added ones.
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  const ordered = [...names.filter((n) => files.includes(n)), ...files.filter((f) => !names.includes(f))];
  const out = path.join(work, `tampered-${randomBytes(4).toString('hex')}.tar`);
  await tar.create({ file: out, cwd: dir, portable: true }, ordered);
  return out;
}

async function flipByte(file: string, at: (size: number) => number): Promise<void> {
  const bytes = await fs.readFile(file);
  bytes[at(bytes.length)]! ^= 0x40;
  await fs.writeFile(file, bytes);
}

/** The target install exactly as a fresh one: nothing a refused restore may have changed. */
async function expectTargetUntouched(): Promise<void> {
  const users = await target.db.selectFrom('users').select('id').execute();
  expect(users).toHaveLength(0);
  expect(await fs.readdir(targetDirs.assetsDir)).toEqual([]);
  expect(await fs.readdir(targetDirs.privateDir)).toEqual(['master.key']);
  expect(await fs.readFile(path.join(targetDirs.privateDir, 'master.key'), 'utf8')).toBe(targetMasterKey);
}

async function expectRefused(
  archive: string,
  message: RegExp,
  options: { passphrase?: string; assetsFrom?: string } = {},
): Promise<void> {
  const error = await restore(archive, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OperatorError);
  expect((error as Error).message).toMatch(message);
  await expectTargetUntouched();
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-backup-tamper-'));
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await source.db
    .insertInto('users')
    .values({
      username: 'rosalind',
      email: secretEmail,
      full_name: 'Rosalind Vandermeer',
      role: 'admin',
      password_hash: secretHash,
      updated_at: new Date(),
    })
    .execute();
  sourceDirs = await makeInstall('source');
  for (const [relative, content] of Object.entries(sourceAssets)) {
    await fs.mkdir(path.dirname(path.join(sourceDirs.assetsDir, relative)), { recursive: true });
    await fs.writeFile(path.join(sourceDirs.assetsDir, relative), content, { mode: 0o600 });
  }
  targetDirs = await makeInstall('target');
  targetMasterKey = await fs.readFile(path.join(targetDirs.privateDir, 'master.key'), 'utf8');
  archiveA = path.join(work, 'a.tar');
  archiveB = path.join(work, 'b.tar');
  archiveList = path.join(work, 'list.tar');
  await backup(archiveA);
  expect(new Set(backupProgress.map(([, , stage]) => stage))).toEqual(new Set(['database', 'assets', 'done']));
  await backup(archiveB);
  await backup(archiveList, 'list');
}, 60_000);

afterAll(async () => {
  await Promise.all([source?.drop(), target?.drop()]);
  await fs.rm(work, { recursive: true, force: true });
});

describe('a backup archive', () => {
  it('contains no plaintext database and is readable by its owner only', async () => {
    expect((await fs.stat(archiveA)).mode & 0o777).toBe(0o600);
    expect(await entryNames(archiveA)).not.toContain('database.dump');
    const bytes = await fs.readFile(archiveA);
    for (const secret of ['PGDMP', secretEmail, secretHash, 'Rosalind Vandermeer', 'kysely_migration'])
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  });
});

describe('restore refuses a tampered archive and changes nothing', () => {
  it('refuses a wrong passphrase', async () => {
    await expectRefused(archiveA, /wrong backup passphrase/, { passphrase: 'not the passphrase at all' });
  });

  it('refuses a dump with one byte flipped', async () => {
    const archive = await tampered(archiveA, (dir) =>
      flipByte(path.join(dir, 'database.dump.sealed'), (size) => Math.floor(size / 2)),
    );
    await expectRefused(archive, /refusing this backup: it was altered or is damaged \(database\.dump\.sealed/);
  });

  it('refuses a dump cut short, and an archive cut short', async () => {
    const cutDump = await tampered(archiveA, async (dir) => {
      const file = path.join(dir, 'database.dump.sealed');
      await fs.truncate(file, (await fs.stat(file)).size - 100);
    });
    // One chunk here, so the cut shows as its final chunk failing; longer dumps say "cut short".
    await expectRefused(cutDump, /refusing this backup: it was altered or is damaged \(database\.dump\.sealed/);

    const cutArchive = path.join(work, 'cut.tar');
    await fs.copyFile(archiveA, cutArchive);
    await fs.truncate(cutArchive, (await fs.stat(cutArchive)).size - 40_000);
    await expectRefused(cutArchive, /refusing this backup: .*cut short/);
  });

  it('refuses the manifest of another backup, with or without its MAC', async () => {
    const both = await tampered(archiveA, async (dir) => {
      await tar.extract({ file: archiveB, cwd: dir, filter: (name) => name.startsWith('manifest.') });
    });
    await expectRefused(both, /private\.vault\.sealed does not belong to its manifest/);
    const manifestOnly = await tampered(archiveA, async (dir) => {
      await tar.extract({ file: archiveB, cwd: dir, filter: (name) => name === 'manifest.json' });
    });
    await expectRefused(manifestOnly, /manifest\.json belongs to another backup/);
  });

  it('refuses an edited manifest', async () => {
    const archive = await tampered(archiveA, async (dir) => {
      const file = path.join(dir, 'manifest.json');
      const manifest = JSON.parse(await fs.readFile(file, 'utf8')) as { assets: { mode: string } };
      manifest.assets.mode = 'list';
      await fs.writeFile(file, JSON.stringify(manifest, null, 2));
    });
    await expectRefused(archive, /manifest\.json was altered/);
  });

  it("refuses another backup's dump, and the dump in the vault's place", async () => {
    const foreign = await tampered(archiveA, async (dir) => {
      await tar.extract({ file: archiveB, cwd: dir, filter: (name) => name === 'database.dump.sealed' });
    });
    await expectRefused(foreign, /database\.dump\.sealed does not belong to its manifest/);
    const moved = await tampered(archiveA, (dir) =>
      fs.copyFile(path.join(dir, 'database.dump.sealed'), path.join(dir, 'private.vault.sealed')),
    );
    await expectRefused(moved, /private\.vault\.sealed does not belong to its manifest/);
  });

  it('refuses a plaintext dump put in place of the sealed one', async () => {
    const archive = await tampered(archiveA, (dir) =>
      fs.writeFile(path.join(dir, 'database.dump.sealed'), Buffer.from('PGDMP\x01\x0f\x00 a plain dump')),
    );
    await expectRefused(archive, /database\.dump\.sealed is not encrypted/);
  });

  it('refuses assets added to or removed from the archive', async () => {
    const added = await tampered(archiveA, async (dir) => {
      await fs.writeFile(path.join(dir, 'assets/images/0b1e/g1/extra.webp.sealed'), randomBytes(100));
    });
    await expectRefused(added, /assets\/images\/0b1e\/g1\/extra\.webp\.sealed is not in its asset list/);
    const removed = await tampered(archiveA, (dir) =>
      fs.rm(path.join(dir, 'assets/videos/5c2a/g1/720p/segment_000.ts')),
    );
    await expectRefused(removed, /assets\/videos\/5c2a\/g1\/720p\/segment_000\.ts is missing/);
  });

  it('refuses a version 1 archive (plain dump), naming the version', async () => {
    const dir = await fs.mkdtemp(path.join(work, 'v1-'));
    const manifest = { format: 'keepsake-backup', version: 1, database: { file: 'database.dump' } };
    await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    await fs.writeFile(path.join(dir, 'database.dump'), 'PGDMP');
    const archive = path.join(work, 'v1.tar');
    await tar.create({ file: archive, cwd: dir }, ['manifest.json', 'database.dump']);
    await expectRefused(archive, /format version 1, which kept the database unencrypted/);
  });
});

describe('restore of an untouched archive', () => {
  it('brings back the database, private/ and the assets (copied into the archive)', async () => {
    const progress: Progress = [];
    const manifest = await restore(archiveA, { progress });
    // The progress bar's feed: it moves through each stage and ends full.
    expect([...new Set(progress.map(([, , stage]) => stage))]).toEqual(['reading', 'checks', 'database', 'done']);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    expect(manifest.assets).toMatchObject({ mode: 'copy', files: 3 });
    const user = await target.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: secretEmail, password_hash: secretHash });
    for (const [relative, content] of Object.entries(sourceAssets))
      expect((await fs.readFile(path.join(targetDirs.assetsDir, relative))).equals(content)).toBe(true);
    expect(await fs.readFile(path.join(targetDirs.privateDir, 'master.key'), 'utf8')).toBe(
      await fs.readFile(path.join(sourceDirs.privateDir, 'master.key'), 'utf8'),
    );
    expect((await fs.readdir(targetDirs.assetsDir)).sort()).toEqual(['images', 'videos']);
  });

  it('with --assets list: the archive holds no assets, restore takes them from the copied folder', async () => {
    expect((await entryNames(archiveList)).some((n) => n.startsWith('assets/'))).toBe(false);

    const onto = await createTestDatabase();
    targetDirs = await makeInstall('target-list');
    try {
      const refused = await restore(archiveList, { onto }).catch((e: unknown) => e);
      expect((refused as Error).message).toMatch(/give --assets-from/);
      await restore(archiveList, { onto, assetsFrom: sourceDirs.assetsDir });
      for (const [relative, content] of Object.entries(sourceAssets))
        expect((await fs.readFile(path.join(targetDirs.assetsDir, relative))).equals(content)).toBe(true);
    } finally {
      await onto.drop();
    }
  });
});
