import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealChunk } from './chunkCipher.js';
import { deriveFileKey, keyCheckFor } from './fileKey.js';
import { encodeHeader, UNBOUND_FORMAT_VERSION } from './header.js';
import {
  bindingFor,
  openSealedBuffer,
  openSealedFile,
  readSealedHeader,
  resealFile,
  sealBuffer,
  TamperedError,
  type KeyResolver,
} from './index.js';

const item = randomUUID();
const key = { id: randomUUID(), key: randomBytes(32) };
const nextKey = { id: randomUUID(), key: randomBytes(32) };
const resolve: KeyResolver = async (id) => [key, nextKey].find((k) => k.id === id)?.key;
const photo = bindingFor(item, 'image.webp.sealed');
const thumb = bindingFor(item, 'thumb.webp.sealed');
const data = randomBytes(70_000);

/** A file as Keepsake wrote them before version 2: no binding in its subkey. */
function sealUnbound(plain: Buffer): Buffer {
  const salt = randomBytes(32);
  const header = encodeHeader({
    chunkSize: plain.length,
    plainSize: plain.length,
    keyId: key.id,
    salt,
    keyCheck: keyCheckFor(key.key),
  });
  header[8] = UNBOUND_FORMAT_VERSION;
  return Buffer.concat([
    header,
    ...sealChunk(deriveFileKey(key.key, salt, UNBOUND_FORMAT_VERSION, ''), header, 0, true, [plain]),
  ]);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keepsake-binding-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a sealed file is bound to its place (item and file name)', () => {
  it('opens under its own binding only: another file of the same item, under the same key, is refused', async () => {
    const sealed = await sealBuffer(data, key, { binding: photo });
    expect((await openSealedBuffer(sealed, resolve, { binding: photo })).equals(data)).toBe(true);
    await expect(openSealedBuffer(sealed, resolve, { binding: thumb })).rejects.toBeInstanceOf(TamperedError);
    await expect(
      openSealedBuffer(sealed, resolve, { binding: bindingFor(randomUUID(), 'image.webp.sealed') }),
    ).rejects.toThrow(/sealed for another place/);
    await expect(openSealedBuffer(sealed, resolve)).rejects.toBeInstanceOf(TamperedError);
  });

  it('a bound file set back to version 1 (to skip the binding) fails authentication', async () => {
    const sealed = await sealBuffer(data, key, { binding: photo });
    sealed[8] = UNBOUND_FORMAT_VERSION;
    await expect(openSealedBuffer(sealed, resolve, { binding: thumb })).rejects.toBeInstanceOf(TamperedError);
    await expect(openSealedBuffer(sealed, resolve, { binding: photo })).rejects.toBeInstanceOf(TamperedError);
  });

  it('version 1 files (written before bindings) still open, and rotation re-seals them bound', async () => {
    const legacy = path.join(dir, 'legacy.sealed');
    const rotated = path.join(dir, 'rotated.sealed');
    await writeFile(legacy, sealUnbound(data));
    expect((await readSealedHeader(legacy)).version).toBe(1);
    expect((await openSealedFile(legacy, resolve, { binding: photo })).equals(data)).toBe(true);

    await resealFile(legacy, rotated, resolve, nextKey, { binding: photo });
    expect((await readSealedHeader(rotated)).version).toBe(2);
    expect((await openSealedFile(rotated, resolve, { binding: photo })).equals(data)).toBe(true);
    await expect(openSealedBuffer(await readFile(rotated), resolve, { binding: thumb })).rejects.toBeInstanceOf(
      TamperedError,
    );
  });
});
