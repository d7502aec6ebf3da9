import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@keepsake/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createKeyStore,
  loadMasterKey,
  MasterKeyError,
  masterKeyFingerprint,
  openKeyStore,
  verifyMasterKey,
} from './index.js';

let t: TestDatabase;
let dir: string;
let file: string;
const masterKey = randomBytes(32);

async function writeKeyFile(name: string, contents: string | Buffer): Promise<string> {
  const keyFile = path.join(dir, name);
  await writeFile(keyFile, contents, { mode: 0o600 });
  return keyFile;
}

async function failure(promise: Promise<unknown>): Promise<MasterKeyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MasterKeyError);
  return error as MasterKeyError;
}

const fingerprintRow = () => t.db.selectFrom('master_key_check').selectAll().executeTakeFirst();
const keyRows = async () => (await t.db.selectFrom('encryption_keys').select('id').execute()).length;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'keepsake-master-'));
  file = await writeKeyFile('master.key', `${masterKey.toString('base64')}\n`);
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.db.deleteFrom('encryption_keys').execute();
  await t.db.deleteFrom('master_key_check').execute();
});

describe('loading the master key', () => {
  it('reads base64 of 32 bytes, with or without a trailing newline', async () => {
    expect((await loadMasterKey(file)).equals(masterKey)).toBe(true);
    const bare = await writeKeyFile('bare.key', masterKey.toString('base64'));
    expect((await loadMasterKey(bare)).equals(masterKey)).toBe(true);
    const crlf = await writeKeyFile('crlf.key', `${masterKey.toString('base64')}\r\n`);
    expect((await loadMasterKey(crlf)).equals(masterKey)).toBe(true);
  });

  const broken: Record<string, [contents: string | Buffer | undefined, says: RegExp]> = {
    missing: [undefined, /does not exist.*scripts\/init.*restore it from your backup.*never makes a new master key/s],
    empty: ['', /is empty/],
    'not base64': ['this is not a key!\n', /malformed.*base64 of 32 random bytes/],
    'raw bytes instead of base64': [randomBytes(32), /malformed/],
    'too short': [`${randomBytes(16).toString('base64')}\n`, /holds 16 bytes.*32 bytes/],
    'too long': [`${randomBytes(48).toString('base64')}\n`, /holds 48 bytes/],
    'hex instead of base64': [`${randomBytes(32).toString('hex')}\n`, /holds 48 bytes/],
  };
  it.each(Object.entries(broken))(
    '%s: stops with a message naming the file, and creates nothing',
    async (name, [contents, says]) => {
      const keyFile = path.join(dir, `${name.replaceAll(' ', '-')}.key`);
      if (contents !== undefined) await writeFile(keyFile, contents);
      for (const attempt of [() => loadMasterKey(keyFile), () => openKeyStore({ db: t.db, masterKeyFile: keyFile })]) {
        const error = await failure(attempt());
        expect(error.message).toContain(keyFile);
        expect(error.message).toMatch(says);
        expect(error.file).toBe(keyFile);
      }
      expect(await fingerprintRow()).toBeUndefined();
      if (contents === undefined) await expect(stat(keyFile)).rejects.toThrow(/ENOENT/);
    },
  );

  it('a directory where the key file should be', async () => {
    const folder = path.join(dir, 'folder.key');
    await mkdir(folder);
    expect((await failure(loadMasterKey(folder))).message).toMatch(/is a directory/);
  });

  it('never puts key material in its messages', async () => {
    const wrong = randomBytes(16).toString('base64');
    const keyFile = await writeKeyFile('short.key', wrong);
    expect((await failure(loadMasterKey(keyFile))).message).not.toContain(wrong);
  });
});

describe('verifying the master key against the database', () => {
  it('records the fingerprint on first start, accepts the same key after', async () => {
    await openKeyStore({ db: t.db, masterKeyFile: file });
    expect((await fingerprintRow())?.fingerprint).toBe(masterKeyFingerprint(masterKey));
    await openKeyStore({ db: t.db, masterKeyFile: file });
  });

  it('refuses another key once a fingerprint is recorded, even before any media exists', async () => {
    await openKeyStore({ db: t.db, masterKeyFile: file });
    const other = await writeKeyFile('other.key', randomBytes(32).toString('base64'));
    const error = await failure(openKeyStore({ db: t.db, masterKeyFile: other }));
    expect(error.message).toContain(other);
    expect(error.message).toMatch(/is not the key this data was encrypted with.*Restore it from backup/s);
    expect((await fingerprintRow())?.fingerprint).toBe(masterKeyFingerprint(masterKey));
  });

  it('without a fingerprint but with keys, checks the key by unwrapping stored keys', async () => {
    const media = await t.db
      .insertInto('media_files')
      .values({ original_name: 'a.jpg', size: 1, content_hash: 'h1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createKeyStore(t.db, masterKey).create(media.id, 'storage', 1);
    await t.db.deleteFrom('master_key_check').execute();

    const wrongKey = randomBytes(32);
    await failure(verifyMasterKey(t.db, wrongKey, '/keys/wrong.key'));
    expect(await fingerprintRow()).toBeUndefined();

    await verifyMasterKey(t.db, masterKey, file);
    expect((await fingerprintRow())?.fingerprint).toBe(masterKeyFingerprint(masterKey));
    expect(await keyRows()).toBe(1);
    await t.db.deleteFrom('media_files').execute();
  });

  it('stops a process that would run without its key: the error is one runCli prints without a stack', async () => {
    const error = await failure(openKeyStore({ db: t.db, masterKeyFile: path.join(dir, 'nowhere', 'master.key') }));
    expect(error.name).toBe('MasterKeyError');
  });
});
