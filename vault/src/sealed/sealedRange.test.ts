import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readAll, sha256 } from '@keepsake/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSealedStream, sealBuffer, TamperedError, type KeyResolver } from './index.js';

const chunkSize = 4096;
const data = randomBytes(chunkSize * 5 + 123);
const key = { id: randomUUID(), key: randomBytes(32) };
const resolve: KeyResolver = async (id) => (id === key.id ? key.key : undefined);
const HEADER = 88;
const chunkOffset = (index: number) => HEADER + index * (chunkSize + 16);

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keepsake-range-'));
  file = path.join(dir, 'data.sealed');
  await writeFile(file, await sealBuffer(data, key, { chunkSize }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const last = data.length - 1;
const ranges: Record<string, [number, number]> = {
  'first byte': [0, 0],
  'last byte': [last, last],
  'a single byte inside a chunk': [5000, 5000],
  'across one chunk border': [chunkSize - 1, chunkSize],
  'exactly one chunk': [chunkSize, 2 * chunkSize - 1],
  'ending on a chunk border': [10, chunkSize - 1],
  'starting on a chunk border': [2 * chunkSize, 2 * chunkSize + 10],
  'across several chunks': [100, 3 * chunkSize + 5],
  'inside the short final chunk': [5 * chunkSize + 1, 5 * chunkSize + 100],
  'the whole file': [0, last],
};

describe('range reads', () => {
  it.each(Object.entries(ranges))('%s', async (_name, [start, end]) => {
    const stream = await openSealedStream(file, resolve, { start, end });
    expect(sha256(await readAll(stream))).toBe(sha256(data.subarray(start, end + 1)));
  });

  it('reads only the chunks covering the range: damage elsewhere does not matter', async () => {
    const damaged = path.join(dir, 'damaged.sealed');
    const bytes = await readFile(file);
    bytes[chunkOffset(0) + 10]! ^= 0xff;
    bytes[chunkOffset(4) + 10]! ^= 0xff;
    await writeFile(damaged, bytes);
    const [start, end] = [2 * chunkSize + 7, 3 * chunkSize + 7];
    expect(sha256(await readAll(await openSealedStream(damaged, resolve, { start, end })))).toBe(
      sha256(data.subarray(start, end + 1)),
    );
    await expect(openSealedStream(damaged, resolve, { start: 0, end: 0 })).rejects.toBeInstanceOf(TamperedError);
    await expect(
      readAll(await openSealedStream(damaged, resolve, { start: 3 * chunkSize, end: last })),
    ).rejects.toBeInstanceOf(TamperedError);
  });

  it.each([
    [-1, 5],
    [5, 4],
    [0, data.length],
    [1.5, 3],
  ])('refuses the range %d-%d', async (start, end) => {
    await expect(openSealedStream(file, resolve, { start, end })).rejects.toBeInstanceOf(RangeError);
  });
});
