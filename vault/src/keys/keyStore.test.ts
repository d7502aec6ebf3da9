import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@keepsake/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSealedBuffer, sealBuffer, WrongKeyError } from '../sealed/index.js';
import { createKeyStore, KeyIntegrityError, storageKeyResolver, type KeyStore } from './index.js';

let t: TestDatabase;
let store: KeyStore;
const masterKey = randomBytes(32);

async function newMedia(): Promise<string> {
  const row = await t.db
    .insertInto('media_files')
    .values({ original_name: 'a.jpg', size: 1, content_hash: randomUUID() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const wrappedKeyOf = async (id: string) =>
  (await t.db.selectFrom('encryption_keys').select('wrapped_key').where('id', '=', id).executeTakeFirstOrThrow())
    .wrapped_key;

beforeAll(async () => {
  t = await createTestDatabase();
  store = createKeyStore(t.db, masterKey);
});
afterAll(async () => {
  await t.drop();
});

describe('key store', () => {
  it('creates random keys of the right size per purpose, stored only wrapped, and gets them back', async () => {
    const mediaId = await newMedia();
    const hls = await store.create(mediaId, 'hls', 1);
    const storage = await store.create(mediaId, 'storage', 1);
    expect(hls).toMatchObject({ mediaId, purpose: 'hls', generation: 1 });
    expect(hls.key.length).toBe(16);
    expect(storage.key.length).toBe(32);

    const wrapped = await wrappedKeyOf(storage.id);
    expect(wrapped.length).toBe(12 + 32 + 16);
    expect(wrapped.includes(storage.key)).toBe(false);

    // A fresh store (empty cache) unwraps from the database.
    const fresh = createKeyStore(t.db, masterKey);
    expect(await fresh.get(hls.id)).toEqual(hls);
    expect(await fresh.get(storage.id)).toEqual(storage);
    expect(await fresh.forMedia(mediaId, 'storage', 1)).toEqual(storage);
    expect(await fresh.forMedia(mediaId, 'storage', 2)).toBeUndefined();
  });

  it('answers undefined for unknown and malformed key ids without querying with them', async () => {
    expect(await store.get(randomUUID())).toBeUndefined();
    expect(await store.get('../../etc/passwd')).toBeUndefined();
    expect(await store.get('')).toBeUndefined();
    expect(await store.forMedia('nope', 'hls', 1)).toBeUndefined();
  });

  it('refuses a bad purpose, generation or media id', async () => {
    const mediaId = await newMedia();
    await expect(store.create(mediaId, 'toString' as 'hls', 1)).rejects.toThrow(/purpose/);
    await expect(store.create(mediaId, 'hls', 0)).rejects.toThrow(/generation/);
    await expect(store.create('x', 'hls', 1)).rejects.toThrow(/UUID/);
  });

  it('creates inside the caller’s transaction: a rollback leaves no key behind', async () => {
    const mediaId = await newMedia();
    let created: string | undefined;
    await expect(
      t.db.transaction().execute(async (trx) => {
        created = (await store.create(mediaId, 'storage', 1, trx)).id;
        throw new Error('publish failed');
      }),
    ).rejects.toThrow('publish failed');
    expect(created).toBeDefined();
    expect(await store.get(created!)).toBeUndefined();
  });

  it('binds a wrapped key to its row: copied onto another row it does not unwrap', async () => {
    const [a, b] = [await newMedia(), await newMedia()];
    const keyA = await store.create(a, 'storage', 1);
    const otherMedia = await store.create(b, 'storage', 1);
    const otherPurpose = await store.create(a, 'hls', 1);
    const otherGeneration = await store.create(a, 'storage', 2);
    const wrapped = await wrappedKeyOf(keyA.id);
    for (const target of [otherMedia, otherPurpose, otherGeneration]) {
      await t.db.updateTable('encryption_keys').set({ wrapped_key: wrapped }).where('id', '=', target.id).execute();
      const fresh = createKeyStore(t.db, masterKey);
      await expect(fresh.get(target.id)).rejects.toBeInstanceOf(KeyIntegrityError);
      await expect(fresh.forMedia(target.mediaId, target.purpose, target.generation)).rejects.toBeInstanceOf(
        KeyIntegrityError,
      );
    }
    // The original row still unwraps.
    expect(await createKeyStore(t.db, masterKey).get(keyA.id)).toEqual(keyA);
  });

  it('caches unwrapped keys, and hands out copies the caller may wipe', async () => {
    const mediaId = await newMedia();
    const cached = createKeyStore(t.db, masterKey);
    const key = await cached.create(mediaId, 'hls', 1);
    const first = await cached.get(key.id);
    first!.key.fill(0);
    // Damage the row: the cached store still answers from memory, a fresh one cannot.
    await t.db
      .updateTable('encryption_keys')
      .set({ wrapped_key: randomBytes(60) })
      .where('id', '=', key.id)
      .execute();
    expect(await cached.get(key.id)).toEqual(key);
    await expect(createKeyStore(t.db, masterKey).get(key.id)).rejects.toBeInstanceOf(KeyIntegrityError);
  });

  it('retires keys, which stay readable', async () => {
    const mediaId = await newMedia();
    const old = await store.create(mediaId, 'storage', 1);
    const keep = await store.create(mediaId, 'hls', 1);
    await store.retire([old.id]);
    await store.retire([]);
    const rows = await t.db
      .selectFrom('encryption_keys')
      .select(['id', 'retired_at'])
      .where('media_id', '=', mediaId)
      .execute();
    expect(rows.find((r) => r.id === old.id)?.retired_at).toBeInstanceOf(Date);
    expect(rows.find((r) => r.id === keep.id)?.retired_at).toBeNull();
    expect(await createKeyStore(t.db, masterKey).get(old.id)).toEqual({ ...old, retiredAt: expect.any(Date) });
    expect((await createKeyStore(t.db, masterKey).get(keep.id))?.retiredAt).toBeNull();
  });

  it('resolves storage keys for sealed files, and nothing else', async () => {
    const mediaId = await newMedia();
    const storage = await store.create(mediaId, 'storage', 1);
    const hls = await store.create(mediaId, 'hls', 1);
    const resolve = storageKeyResolver(store);
    const sealed = await sealBuffer(Buffer.from('photo'), storage);
    expect((await openSealedBuffer(sealed, resolve)).toString()).toBe('photo');
    expect(await resolve(hls.id)).toBeUndefined();
    await expect(openSealedBuffer(sealed, async () => undefined)).rejects.toBeInstanceOf(WrongKeyError);
  });
});
