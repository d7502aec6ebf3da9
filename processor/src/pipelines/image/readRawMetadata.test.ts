import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeDng } from '@keepsake/testkit';
import { parseRawIdentify, readRawMetadata } from './readRawMetadata.js';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-raw-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('LibRaw reads the make, model and date of a RAW file', async () => {
  const file = await writeDng({
    file: path.join(dir, 'shot.dng'),
    width: 64,
    height: 64,
    make: 'Keepsake',
    model: 'Test Camera II',
    dateTaken: '2021:05:06 07:08:09',
  });
  const meta = await readRawMetadata(file);
  expect(meta.camera).toEqual({ make: 'Keepsake', model: 'Test Camera II' });
  expect(meta.takenAt?.getTime()).toBe(new Date(2021, 4, 6, 7, 8, 9).getTime());
});

test('no date (LibRaw says 1970) and no names read as none', () => {
  const meta = parseRawIdentify('make/model: =/= ID: 0x0', 'Timestamp: Thu Jan  1 00:00:00 1970');
  expect(meta).toEqual({ takenAt: null, camera: null, contentIdentifier: null });
});
