import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readAll, sha256 } from '@keepsake/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSealStream,
  DEFAULT_CHUNK_SIZE,
  openSealedBuffer,
  openSealedFile,
  openSealedStream,
  readSealedHeader,
  resealFile,
  sealBuffer,
  sealedSizeFor,
  sealFile,
  type KeyResolver,
  type SealingKey,
} from './index.js';

const C = DEFAULT_CHUNK_SIZE;
const sizes = {
  empty: 0,
  'one byte': 1,
  'exactly one chunk': C,
  'one chunk plus one': C + 1,
  'multi-megabyte': 3 * 1024 * 1024 + 123,
};

const key: SealingKey = { id: randomUUID(), key: randomBytes(32) };
const nextKey: SealingKey = { id: randomUUID(), key: randomBytes(32) };
const resolve: KeyResolver = async (id) => [key, nextKey].find((k) => k.id === id)?.key;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keepsake-sealed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Feeds data in uneven pieces, as a pipe or an encoder would, so chunks straddle input buffers. */
function unevenly(data: Buffer): Readable {
  const pieces: Buffer[] = [];
  for (let offset = 0, step = 1; offset < data.length; offset += step, step = (step * 7 + 3) % 150_001)
    pieces.push(data.subarray(offset, offset + step));
  return Readable.from(pieces, { objectMode: false });
}

describe.each(Object.entries(sizes))('round trip: %s', (_name, size) => {
  const data = randomBytes(size);

  it('buffer path', async () => {
    const sealed = await sealBuffer(data, key);
    expect(sealed.length).toBe(sealedSizeFor(size, C));
    expect(sha256(await openSealedBuffer(sealed, resolve))).toBe(sha256(data));
  });

  it('stream path: seal stream in, file on disk, sealed stream out', async () => {
    const file = path.join(dir, `stream-${size}.sealed`);
    await pipeline(unevenly(data), createSealStream(key), createWriteStream(file));
    expect((await stat(file)).size).toBe(sealedSizeFor(size, C));
    expect(sha256(await readAll(await openSealedStream(file, resolve)))).toBe(sha256(data));
    expect(sha256(await openSealedFile(file, resolve))).toBe(sha256(data));
    expect(await readSealedHeader(file)).toEqual({
      version: 2,
      keyId: key.id,
      chunkSize: C,
      plainSize: size,
      sealedSize: sealedSizeFor(size, C),
    });
  });

  it('file path: sealFile, then resealFile under the next key', async () => {
    const plain = path.join(dir, `plain-${size}`);
    const sealed = path.join(dir, `file-${size}.sealed`);
    const resealed = path.join(dir, `file-${size}.resealed`);
    await writeFile(plain, data);
    expect(await sealFile(plain, sealed, key)).toEqual({ plainSize: size, sealedSize: sealedSizeFor(size, C) });
    expect(sha256(await readAll(await openSealedStream(sealed, resolve)))).toBe(sha256(data));

    expect(await resealFile(sealed, resealed, resolve, nextKey)).toEqual({
      plainSize: size,
      sealedSize: sealedSizeFor(size, C),
    });
    expect((await readSealedHeader(resealed)).keyId).toBe(nextKey.id);
    expect(sha256(await openSealedFile(resealed, resolve))).toBe(sha256(data));
  });
});

describe('sealing', () => {
  it('never produces the same bytes twice for the same input and key (fresh salt, fresh subkey)', async () => {
    const data = randomBytes(1000);
    const [a, b] = [await sealBuffer(data, key), await sealBuffer(data, key)];
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(100).includes(b.subarray(100, 132))).toBe(false);
  });

  it('every length around the chunk size round trips, with and without a recorded size', async () => {
    const chunkSize = 16;
    for (let size = 0; size <= 70; size++) {
      const plain = randomBytes(size);
      const file = path.join(dir, `len-${size}.sealed`);
      await pipeline(Readable.from([plain]), createSealStream(key, { chunkSize }), createWriteStream(file));
      expect((await readSealedHeader(file)).plainSize).toBe(size);
      expect((await openSealedFile(file, resolve)).equals(plain)).toBe(true);
      const sealed = await sealBuffer(plain, key, { chunkSize });
      expect(sealed.length).toBe(sealedSizeFor(size, chunkSize));
      expect((await openSealedBuffer(sealed, resolve)).equals(plain)).toBe(true);
    }
  });

  it('honours a chunk size and records it', async () => {
    const data = randomBytes(10_000);
    const sealed = await sealBuffer(data, key, { chunkSize: 1000 });
    expect(sealed.length).toBe(sealedSizeFor(10_000, 1000));
    expect(sha256(await openSealedBuffer(sealed, resolve))).toBe(sha256(data));
  });

  it('refuses bad keys and options before writing anything', async () => {
    const dest = path.join(dir, 'never-written');
    await writeFile(path.join(dir, 'src'), 'x');
    await expect(sealFile(path.join(dir, 'src'), dest, { id: key.id, key: randomBytes(16) })).rejects.toThrow(
      /storage key is 32/,
    );
    await expect(sealFile(path.join(dir, 'src'), dest, { id: 'not-a-uuid', key: key.key })).rejects.toThrow(/UUID/);
    expect(() => createSealStream(key, { chunkSize: 0 })).toThrow(RangeError);
    await expect(stat(dest)).rejects.toThrow(/ENOENT/);
  });

  it('fails a seal stream whose input is not the announced length', async () => {
    const sink = path.join(dir, 'short.sealed');
    await expect(
      pipeline(Readable.from([Buffer.alloc(10)]), createSealStream(key, { plainSize: 11 }), createWriteStream(sink)),
    ).rejects.toThrow(/not the announced 11/);
  });

  it('leaves no partial file behind when sealing fails', async () => {
    const dest = path.join(dir, 'failed.sealed');
    await expect(sealFile(path.join(dir, 'does-not-exist'), dest, key)).rejects.toThrow(/ENOENT/);
    await expect(stat(dest)).rejects.toThrow(/ENOENT/);
    // The source vanishes mid-way in the reseal case: dest is removed again.
    await writeFile(path.join(dir, 'garbage'), 'not sealed');
    await expect(resealFile(path.join(dir, 'garbage'), dest, resolve, nextKey)).rejects.toThrow(/not a Keepsake/);
    await expect(stat(dest)).rejects.toThrow(/ENOENT/);
  });

  it('writes the format described in vault/README.md', async () => {
    const sealed = await sealBuffer(Buffer.from('hello'), key, { chunkSize: 4096 });
    expect(sealed.subarray(0, 8).toString('latin1')).toBe('KSKSEAL\0');
    expect(sealed[8]).toBe(2);
    expect(sealed[9]).toBe(1);
    expect(sealed.readUInt32BE(12)).toBe(4096);
    expect(sealed.readBigUInt64BE(16)).toBe(5n);
    expect(sealed.subarray(24, 40).toString('hex')).toBe(key.id.replaceAll('-', ''));
    expect(sealed.length).toBe(88 + 5 + 16);
    expect(await readFile(path.join(dir, 'garbage'), 'utf8')).toBe('not sealed');
  });
});
