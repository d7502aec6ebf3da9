import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fixtureFile, readAll } from '@keepsake/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSealStream,
  NotSealedError,
  openSealedBuffer,
  openSealedFile,
  openSealedStream,
  readSealedHeader,
  sealBuffer,
  SealedFileError,
  TamperedError,
  TruncatedError,
  UnsupportedVersionError,
  WrongKeyError,
  type KeyResolver,
  type SealedFileErrorCode,
} from './index.js';

const chunkSize = 4096;
const HEADER = 88;
const STRIDE = chunkSize + 16;
const chunkAt = (index: number) => HEADER + index * STRIDE;
const key = { id: randomUUID(), key: randomBytes(32) };
const resolve: KeyResolver = async (id) => (id === key.id ? key.key : undefined);
const jpeg = fixtureFile('exif-orientation/Landscape_1.jpg');

/** Sealed with the size recorded (sealBuffer/sealFile) and without (a seal stream of unknown length). */
const data = randomBytes(chunkSize * 3 + 500);
const exactData = randomBytes(chunkSize * 3);
let recorded: Buffer;
let streamed: Buffer;
let streamedExact: Buffer;
let dir: string;

async function sealStreamed(plain: Buffer): Promise<Buffer> {
  const file = path.join(dir, `${randomUUID()}.sealed`);
  await pipeline(Readable.from([plain]), createSealStream(key, { chunkSize }), createWriteStream(file));
  return readFile(file);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keepsake-tamper-'));
  recorded = await sealBuffer(data, key, { chunkSize });
  streamed = await sealStreamed(data);
  streamedExact = await sealStreamed(exactData);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const edited = (sealed: Buffer, edit: (bytes: Buffer) => Buffer | void): Buffer => {
  const copy = Buffer.from(sealed);
  return edit(copy) ?? copy;
};

/** Every way of opening must refuse with the same typed error; none may hand out plaintext. */
async function expectRefused(
  bytes: Buffer,
  code: SealedFileErrorCode,
  type: typeof SealedFileError,
  resolver = resolve,
) {
  const file = path.join(dir, `${randomUUID()}.sealed`);
  await writeFile(file, bytes);
  const attempts = [
    () => openSealedBuffer(bytes, resolver),
    () => openSealedFile(file, resolver),
    () => openSealedStream(file, resolver).then(readAll),
  ];
  for (const attempt of attempts) {
    const error = await attempt().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(SealedFileError);
    expect((error as SealedFileError).code).toBe(code);
  }
}

describe('tampering and damage are detected, each with its typed error', () => {
  it('a flipped ciphertext byte', async () => {
    await expectRefused(
      edited(recorded, (b) => void (b[chunkAt(1) + 100]! ^= 0x01)),
      'TAMPERED',
      TamperedError,
    );
    await expectRefused(
      edited(streamed, (b) => void (b[chunkAt(3) + 3]! ^= 0x80)),
      'TAMPERED',
      TamperedError,
    );
  });

  it('a flipped tag byte', async () => {
    await expectRefused(
      edited(recorded, (b) => void (b[chunkAt(1) - 1]! ^= 0x01)),
      'TAMPERED',
      TamperedError,
    );
  });

  describe('a flipped header byte, field by field', () => {
    const expected = (offset: number): [SealedFileErrorCode, typeof SealedFileError] => {
      if (offset < 8) return ['NOT_SEALED', NotSealedError];
      if (offset === 8) return ['UNSUPPORTED_VERSION', UnsupportedVersionError];
      // The key id (another id is another key) and the key check (proves the key) read as WRONG_KEY.
      if ((offset >= 24 && offset < 40) || offset >= 72) return ['WRONG_KEY', WrongKeyError];
      // flags, reserved, chunk size, plaintext size, salt.
      return ['TAMPERED', TamperedError];
    };
    for (const [name, sealed] of [
      ['size recorded', () => recorded],
      ['size not recorded', () => streamed],
    ] as const) {
      it(`${name}: every byte, low and high bit`, async () => {
        for (let offset = 0; offset < HEADER; offset++) {
          for (const bit of [0x01, 0x80]) {
            const [code, type] = expected(offset);
            await expectRefused(
              edited(sealed(), (b) => void (b[offset]! ^= bit)),
              code,
              type,
            ).catch((error: Error) => {
              throw new Error(`header byte ${offset} ^ ${bit}: ${error.message}`);
            });
          }
        }
      });
    }
  });

  it('a newer format version', async () => {
    await expectRefused(
      edited(recorded, (b) => void (b[8] = 3)),
      'UNSUPPORTED_VERSION',
      UnsupportedVersionError,
    );
  });

  it('truncation mid-chunk', async () => {
    for (const cut of [chunkAt(1) + 1000, chunkAt(3) + 20, chunkAt(3) + 5, chunkAt(1) - 3])
      await expectRefused(recorded.subarray(0, cut), 'TRUNCATED', TruncatedError);
    // Without a recorded size, a cut that leaves part of a tag is still provably a cut...
    await expectRefused(streamed.subarray(0, chunkAt(2) + 7), 'TRUNCATED', TruncatedError);
    // ...but one that leaves a longer piece looks like an altered last chunk (see README).
    await expectRefused(streamed.subarray(0, chunkAt(2) + 1000), 'TAMPERED', TamperedError);
  });

  it('truncation at a chunk boundary', async () => {
    for (const sealed of [recorded, streamed, streamedExact])
      for (const chunks of [1, 2, 3].filter((n) => chunkAt(n) < sealed.length))
        await expectRefused(sealed.subarray(0, chunkAt(chunks)), 'TRUNCATED', TruncatedError);
  });

  it('truncation inside the header, down to an empty file', async () => {
    for (const cut of [HEADER - 1, 40, 8, 3, 0])
      await expectRefused(recorded.subarray(0, cut), 'TRUNCATED', TruncatedError);
  });

  it('swapped chunks', async () => {
    const swap = (sealed: Buffer) =>
      edited(sealed, (b) => {
        const first = Buffer.from(b.subarray(chunkAt(0), chunkAt(1)));
        b.subarray(chunkAt(1), chunkAt(2)).copy(b, chunkAt(0));
        first.copy(b, chunkAt(1));
      });
    await expectRefused(swap(recorded), 'TAMPERED', TamperedError);
    await expectRefused(swap(streamed), 'TAMPERED', TamperedError);
  });

  it('a chunk copied in from another file sealed with the same key', async () => {
    const other = await sealBuffer(data, key, { chunkSize });
    await expectRefused(
      edited(recorded, (b) => void other.subarray(chunkAt(1), chunkAt(2)).copy(b, chunkAt(1))),
      'TAMPERED',
      TamperedError,
    );
  });

  it('appended garbage', async () => {
    for (const extra of [1, 16, 100, STRIDE]) {
      const garbage = randomBytes(extra);
      for (const [name, sealed] of Object.entries({ recorded, streamed, streamedExact }))
        await expectRefused(Buffer.concat([sealed, garbage]), 'TAMPERED', TamperedError).catch((error: Error) => {
          throw new Error(`${name} + ${extra} bytes: ${error.message}`);
        });
    }
  });

  it('every possible cut and every small extension of a small file is refused', async () => {
    const plain = randomBytes(50);
    const small = { chunkSize: 16 };
    const withSize = await sealBuffer(plain, key, small);
    const file = path.join(dir, 'small.sealed');
    await pipeline(Readable.from([plain]), createSealStream(key, small), createWriteStream(file));
    const withoutSize = await readFile(file);
    for (let cut = 0; cut < withSize.length; cut++) {
      // With the size recorded, every cut is diagnosed as one.
      await expectRefused(withSize.subarray(0, cut), 'TRUNCATED', TruncatedError);
      const error = await openSealedBuffer(withoutSize.subarray(0, cut), resolve).catch((e: unknown) => e);
      expect(['TRUNCATED', 'TAMPERED']).toContain((error as SealedFileError).code);
    }
    for (let extra = 1; extra <= 40; extra++)
      for (const sealed of [withSize, withoutSize])
        await expectRefused(Buffer.concat([sealed, randomBytes(extra)]), 'TAMPERED', TamperedError);
  });

  it('a wrong key for the id the file names', async () => {
    await expectRefused(recorded, 'WRONG_KEY', WrongKeyError, async () => randomBytes(32));
    // An HLS-sized key handed out by mistake is refused the same way.
    await expectRefused(recorded, 'WRONG_KEY', WrongKeyError, async () => key.key.subarray(0, 16));
  });

  it('a key id the resolver does not know', async () => {
    await expectRefused(recorded, 'WRONG_KEY', WrongKeyError, async () => undefined);
  });

  it('a foreign file: a real JPEG, a text file, a lookalike magic', async () => {
    await expectRefused(await readFile(jpeg), 'NOT_SEALED', NotSealedError);
    await expectRefused(Buffer.from('hello, world\n'), 'NOT_SEALED', NotSealedError);
    await expectRefused(Buffer.from('KSKSEAX\0'.padEnd(200, 'x')), 'NOT_SEALED', NotSealedError);
    await expect(readSealedHeader(jpeg)).rejects.toBeInstanceOf(NotSealedError);
  });

  it('a problem in a later chunk surfaces as a stream error after earlier chunks were delivered', async () => {
    const file = path.join(dir, 'late-damage.sealed');
    await writeFile(
      file,
      edited(recorded, (b) => void (b[chunkAt(3) + 1]! ^= 0x01)),
    );
    const stream = await openSealedStream(file, resolve);
    const received: Buffer[] = [];
    const error = await (async () => {
      for await (const piece of stream) received.push(piece as Buffer);
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TamperedError);
    expect(Buffer.concat(received).equals(data.subarray(0, 3 * chunkSize))).toBe(true);
  });

  it('readSealedHeader reports a file cut short without reading it through', async () => {
    const file = path.join(dir, 'cut.sealed');
    await writeFile(file, recorded.subarray(0, chunkAt(2) + 10));
    await expect(readSealedHeader(file)).rejects.toBeInstanceOf(TruncatedError);
  });
});
