import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MediaFile, QueueJob } from '@keepsake/database';
import { createProcessingEnv, fixtureFile, findPlaintextMedia, runTool, type ProcessingEnv } from '@keepsake/testkit';

// BMP (old scans, Windows screenshots) and JPEG XL (new phones' and editors' exports): formats
// sharp's libvips here cannot read, decoded by ffmpeg and djxl. tiny/ holds the real-world ones.
let env: ProcessingEnv;
const jobs = new Map<string, QueueJob>();
const items = new Map<string, MediaFile>();
const drop = (name: string) => path.join(env.importsDir, name);
const written: Record<string, Buffer> = {};

async function writePicture(file: string, width: number, height: number, pixFmt: string): Promise<void> {
  const source = `testsrc2=size=${width}x${height}`;
  // Half transparent where there is an alpha channel, so it cannot be dropped as opaque.
  const filter = ['-vf', `format=${pixFmt},colorchannelmixer=aa=0.5`];
  await runTool('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', source, ...filter, '-frames:v', '1', file]);
}

/** A BMP header claiming 20000×20000 pixels over 100 bytes of data: a decompression bomb. */
function bmpBomb(): Buffer {
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + 100, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(20_000, 18);
  header.writeInt32LE(20_000, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  return Buffer.concat([header, Buffer.alloc(100, 0x7f)]);
}

const corrupt: Record<string, RegExp> = {
  'cut.bmp': /BMP picture cannot be decoded/,
  'cut.jxl': /JPEG XL picture cannot be decoded/,
  'bomb.bmp': /picture is too large/,
};

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  await writePicture(drop('scan.bmp'), 640, 480, 'bgr24');
  await writePicture(drop('alpha.bmp'), 200, 100, 'bgra');
  const png = path.join(env.root, 'photo.png');
  await writePicture(png, 600, 400, 'rgb24');
  await runTool('cjxl', ['-q', '90', png, drop('photo.jxl')]);
  // A phone JPEG stored sideways (EXIF orientation 6), recompressed losslessly: shown upright.
  await runTool('cjxl', [fixtureFile('exif-orientation/Landscape_6.jpg'), drop('turned.jxl')]);
  await fs.copyFile(fixtureFile('tiny/bmp.bmp'), drop('tiny.bmp'));
  await fs.copyFile(fixtureFile('tiny/jxl.jxl'), drop('tiny.jxl'));
  written['cut.bmp'] = (await fs.readFile(drop('scan.bmp'))).subarray(0, 1000);
  written['cut.jxl'] = (await fs.readFile(drop('photo.jxl'))).subarray(0, 40);
  written['bomb.bmp'] = bmpBomb();
  await Promise.all(Object.entries(written).map(([name, bytes]) => fs.writeFile(drop(name), bytes)));
  await env.processor().runOnce();
  for (const job of await env.t.db.selectFrom('processing_queue').selectAll().execute()) jobs.set(job.path, job);
  for (const item of await env.t.db.selectFrom('media_files').selectAll().execute()) {
    items.set(item.original_name, item);
  }
}, 300_000);

afterAll(async () => env?.close());

test.each([
  ['scan.bmp', 'image/bmp', 640, 480],
  ['alpha.bmp', 'image/bmp', 200, 100],
  ['tiny.bmp', 'image/bmp', 1, 1],
  ['photo.jxl', 'image/jxl', 600, 400],
  ['tiny.jxl', 'image/jxl', 256, 256],
  ['turned.jxl', 'image/jxl', 1800, 1200],
])('%s becomes a photo of its own size', async (name, mime, width, height) => {
  expect(jobs.get(name)).toMatchObject({ status: 'completed', error: null });
  const item = items.get(name)!;
  expect(item).toMatchObject({ status: 'completed', type: 'image', mime, width, height });
  const image = await sharp(await env.openSealed(item.image_path!)).metadata();
  expect([image.format, image.width, image.height]).toEqual(['webp', width, height]);
});

test('the BMP with an alpha channel keeps it', async () => {
  const image = await sharp(await env.openSealed(items.get('alpha.bmp')!.image_path!)).metadata();
  expect(image.hasAlpha).toBe(true);
});

describe.each(Object.entries(corrupt))('%s', (name, reason) => {
  test('fails with a clear reason, the original kept in imports/failed/', async () => {
    const job = jobs.get(name)!;
    expect(job).toMatchObject({ status: 'failed', error_code: 'MEDIA_004', failed_path: `failed/${name}` });
    expect(job.error).toMatch(reason);
    expect((await fs.readFile(path.join(env.importsDir, 'failed', name))).equals(written[name]!)).toBe(true);
    expect(items.get(name)?.status ?? 'failed').toBe('failed');
  });
});

test('no decoded plaintext is left in the assets', async () => {
  expect(await findPlaintextMedia(env.assetsDir)).toEqual([]);
});
