/**
 * THROWAWAY STAND-IN for the key store and sealed-file format being written on feat/crypto.
 * Same exported names as that API so the processor can be built and tested now.
 * Deleted when feat/crypto lands in main; never merged.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type TransformCallback } from 'node:stream';
import type { Db } from '../db/createDb.js';
import type { KeyPurpose } from '../db/schema.js';

export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}
export class SealedFileError extends Error {
  override name = 'SealedFileError';
}

export interface ContentKey {
  id: string;
  mediaId: string;
  purpose: KeyPurpose;
  generation: number;
  key: Buffer;
}

export interface KeyStore {
  create(mediaId: string, purpose: KeyPurpose, generation: number, trx?: Db): Promise<ContentKey>;
  get(keyId: string): Promise<ContentKey | undefined>;
  forMedia(mediaId: string, purpose: KeyPurpose, generation: number): Promise<ContentKey | undefined>;
}

export async function openKeyStore({ db, masterKeyFile }: { db: Db; masterKeyFile: string }): Promise<KeyStore> {
  let master: Buffer;
  try {
    master = Buffer.from((await fs.readFile(masterKeyFile, 'utf8')).trim(), 'base64');
  } catch {
    throw new MasterKeyError(`master key ${masterKeyFile} cannot be read`);
  }
  if (master.length !== 32) throw new MasterKeyError(`master key ${masterKeyFile} is not 32 bytes of base64`);
  const wrap = (key: Buffer) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', master, iv);
    return Buffer.concat([iv, c.update(key), c.final(), c.getAuthTag()]);
  };
  const unwrap = (w: Buffer) => {
    const d = createDecipheriv('aes-256-gcm', master, w.subarray(0, 12));
    d.setAuthTag(w.subarray(w.length - 16));
    return Buffer.concat([d.update(w.subarray(12, w.length - 16)), d.final()]);
  };
  const toKey = (row: {
    id: string;
    media_id: string;
    purpose: KeyPurpose;
    generation: number;
    wrapped_key: Buffer;
  }) => ({
    id: row.id,
    mediaId: row.media_id,
    purpose: row.purpose,
    generation: row.generation,
    key: unwrap(row.wrapped_key),
  });
  void createHash;
  return {
    async create(mediaId, purpose, generation, trx) {
      const key = randomBytes(purpose === 'hls' ? 16 : 32);
      const row = await (trx ?? db)
        .insertInto('encryption_keys')
        .values({ media_id: mediaId, purpose, generation, wrapped_key: wrap(key) })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { id: row.id, mediaId, purpose, generation, key };
    },
    async get(keyId) {
      const row = await db.selectFrom('encryption_keys').selectAll().where('id', '=', keyId).executeTakeFirst();
      return row && toKey(row);
    },
    async forMedia(mediaId, purpose, generation) {
      const row = await db
        .selectFrom('encryption_keys')
        .selectAll()
        .where('media_id', '=', mediaId)
        .where('purpose', '=', purpose)
        .where('generation', '=', generation)
        .executeTakeFirst();
      return row && toKey(row);
    },
  };
}

const MAGIC = Buffer.from('KSSTUB01');
const CHUNK = 64 * 1024;

function header(keyId: string): Buffer {
  return Buffer.concat([MAGIC, Buffer.from(keyId.padEnd(36), 'ascii')]);
}

function sealChunk(key: Buffer, chunk: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(chunk), c.final(), c.getAuthTag()]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(chunk.length);
  return Buffer.concat([len, iv, body]);
}

export function createSealStream(key: { id: string; key: Buffer }): Transform {
  let pending = Buffer.alloc(0);
  let wroteHeader = false;
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      if (!wroteHeader) {
        this.push(header(key.id));
        wroteHeader = true;
      }
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= CHUNK) {
        this.push(sealChunk(key.key, pending.subarray(0, CHUNK)));
        pending = pending.subarray(CHUNK);
      }
      cb();
    },
    flush(cb) {
      if (!wroteHeader) this.push(header(key.id));
      this.push(sealChunk(key.key, pending));
      cb();
    },
  });
}

export function sealBuffer(buf: Buffer, key: { id: string; key: Buffer }): Buffer {
  const parts = [header(key.id)];
  for (let i = 0; i < buf.length; i += CHUNK) parts.push(sealChunk(key.key, buf.subarray(i, i + CHUNK)));
  if (buf.length % CHUNK === 0) parts.push(sealChunk(key.key, Buffer.alloc(0)));
  return Buffer.concat(parts);
}

export async function sealFile(
  src: string,
  dest: string,
  key: { id: string; key: Buffer },
): Promise<{ plainSize: number; sealedSize: number }> {
  await pipeline(createReadStream(src), createSealStream(key), createWriteStream(dest, { mode: 0o600 }));
  return { plainSize: (await fs.stat(src)).size, sealedSize: (await fs.stat(dest)).size };
}

export function readSealedHeader(buf: Buffer): { keyId: string } {
  if (!buf.subarray(0, 8).equals(MAGIC)) throw new SealedFileError('not a sealed file');
  return { keyId: buf.subarray(8, 44).toString('ascii').trim() };
}

export async function openSealedBuffer(
  buf: Buffer,
  resolveKey: (keyId: string) => Promise<Buffer | undefined>,
): Promise<Buffer> {
  const { keyId } = readSealedHeader(buf);
  const key = await resolveKey(keyId);
  if (!key) throw new SealedFileError('unknown key');
  const out: Buffer[] = [];
  let pos = 44;
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const iv = buf.subarray(pos + 4, pos + 16);
    const ct = buf.subarray(pos + 16, pos + 16 + len);
    const tag = buf.subarray(pos + 16 + len, pos + 32 + len);
    const d = createDecipheriv('aes-256-gcm', key, iv);
    d.setAuthTag(tag);
    out.push(d.update(ct), d.final());
    pos += 32 + len;
  }
  return Buffer.concat(out);
}

export async function openSealedFile(
  file: string,
  resolveKey: (keyId: string) => Promise<Buffer | undefined>,
): Promise<Buffer> {
  return openSealedBuffer(await fs.readFile(file), resolveKey);
}
