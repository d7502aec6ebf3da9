import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTiffIfds } from './readTiffIfds.js';

/** A little-endian TIFF whose one IFD has `entries` LONG tags, each of `count` values, all at the same block. */
function tiffWithSharedBlock(entries: number, count: number): Buffer {
  const ifdAt = 8;
  const blockAt = ifdAt + 2 + entries * 12 + 4;
  const file = Buffer.alloc(blockAt + count * 4);
  file.write('II', 0, 'latin1');
  file.writeUInt16LE(42, 2);
  file.writeUInt32LE(ifdAt, 4);
  file.writeUInt16LE(entries, ifdAt);
  for (let i = 0; i < entries; i++) {
    const entry = ifdAt + 2 + i * 12;
    file.writeUInt16LE(40_000 + i, entry);
    file.writeUInt16LE(4, entry + 2);
    file.writeUInt32LE(count, entry + 4);
    file.writeUInt32LE(blockAt, entry + 8);
  }
  return file;
}

describe('readTiffIfds on hostile files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-tiff-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps a bounded number of values however many tags point at one block (no memory blow-up)', async () => {
    const file = path.join(dir, 'shared-block.tif');
    await fs.writeFile(file, tiffWithSharedBlock(1000, 100_000));
    const tiff = await readTiffIfds(file);
    expect(tiff).not.toBeNull();
    const kept = tiff!.ifds.flatMap((ifd) => [...ifd.tags.values()]).reduce((sum, list) => sum + list.length, 0);
    expect(kept).toBeLessThanOrEqual(100_000);
  });

  it('reads an honest small IFD whole', async () => {
    const file = path.join(dir, 'small.tif');
    await fs.writeFile(file, tiffWithSharedBlock(3, 10));
    const tiff = await readTiffIfds(file);
    expect(tiff!.ifds[0]!.tags.size).toBe(3);
    expect(tiff!.ifds[0]!.tags.get(40_000)).toHaveLength(10);
  });
});
