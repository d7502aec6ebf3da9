import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rawFixture, rawFixtures, writeDng } from '@keepsake/testkit';
import { missingRawData, rawMimeFromTiff } from './rawStructure.js';
import { readTiffIfds } from './readTiffIfds.js';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-tiff-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('a scanned TIFF is no RAW; a Nikon NEF, which file-type calls a TIFF, is one', async () => {
  const scan = path.join(dir, 'scan.tiff');
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a33' } })
    .tiff()
    .toFile(scan);
  expect(rawMimeFromTiff((await readTiffIfds(scan))!)).toBeNull();
  expect(rawMimeFromTiff((await readTiffIfds(rawFixture(rawFixtures.nef)))!)).toBe('image/x-nikon-nef');
});

test('a whole RAW has its picture data; cut, or stripped of it, it says which', async () => {
  const whole = await writeDng({ file: path.join(dir, 'whole.dng'), width: 64, height: 48 });
  expect(missingRawData((await readTiffIfds(whole))!)).toBeNull();
  const bytes = await fs.readFile(whole);
  await fs.writeFile(path.join(dir, 'cut.dng'), bytes.subarray(0, bytes.length - 100));
  expect(missingRawData((await readTiffIfds(path.join(dir, 'cut.dng')))!)).toMatch(/^RAW photo is cut short/);
  expect(missingRawData((await readTiffIfds(rawFixture(rawFixtures.dng)))!)).toMatch(
    /^RAW photo holds no picture data \(22 bytes for a 3516×2328 sensor\)/,
  );
});

test('what is not a TIFF is not read as one', async () => {
  const text = path.join(dir, 'notes.txt');
  await fs.writeFile(text, 'II* but only words');
  expect(await readTiffIfds(text)).toBeNull();
});
