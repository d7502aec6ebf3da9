import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MediaFile, QueueJob } from '@keepsake/database';
import {
  createProcessingEnv,
  findPlaintextMedia,
  generateHeic,
  generateImage,
  fixturesDir,
  type ProcessingEnv,
} from '@keepsake/testkit';
import type { RunSummary } from '../../createProcessor.js';

const fixtures = fixturesDir();
const orientations = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [`Landscape_${n}.jpg`, `Portrait_${n}.jpg`]);
const tinyFiles = [
  'AudioVideoInterleave.avi',
  'FlashVideo.flv',
  'Mpeg4.mp4',
  'WindowsMediaVideo.wmv',
  'bmp.bmp',
  'gif-transparent.gif',
  'gif.gif',
  'heif.heif',
  'jpeg.jpg',
  'mp4-with-audio.mp4',
  'png-transparent.png',
  'png-truncated.png',
  'tiff.tif',
  'webm.webm',
  'webp.webp',
];

let env: ProcessingEnv;
let summary: RunSummary;
const byName = new Map<string, MediaFile>();
const jobs = new Map<string, QueueJob>();

async function decoded(item: MediaFile, which: 'image_path' | 'thumbnail_path', animated = false) {
  const plain = await env.openSealed(item[which]!);
  return { plain, meta: await sharp(plain, { animated }).metadata() };
}

beforeAll(async () => {
  env = await createProcessingEnv({ workers: 2 });
  const put = (dir: string, name: string) =>
    fs.copyFile(path.join(fixtures, dir, name), path.join(env.importsDir, dir, name));
  await fs.mkdir(path.join(env.importsDir, 'exif-orientation'));
  await fs.mkdir(path.join(env.importsDir, 'tiny'));
  await Promise.all(orientations.map((name) => put('exif-orientation', name)));
  await Promise.all(tinyFiles.map((name) => put('tiny', name)));
  const made = path.join(env.importsDir, 'made');
  await Promise.all([
    generateImage({
      file: path.join(made, 'camera.jpg'),
      width: 600,
      height: 400,
      format: 'jpeg',
      exif: {
        orientation: 6,
        dateTaken: '2019:07:14 15:16:17',
        make: 'Apple',
        model: 'iPhone 12',
        gps: { latitude: 48.8584, longitude: 2.2945 },
      },
    }),
    generateImage({ file: path.join(made, 'big.jpg'), width: 5000, height: 3000, format: 'jpeg' }),
    generateImage({ file: path.join(made, 'small.png'), width: 200, height: 100, format: 'png' }),
    generateImage({ file: path.join(made, 'alpha.png'), width: 400, height: 300, format: 'png', alpha: true }),
    generateImage({ file: path.join(made, 'animated.gif'), width: 160, height: 120, format: 'gif', frames: 4 }),
    generateImage({ file: path.join(made, 'picture.tiff'), width: 300, height: 200, format: 'tiff' }),
    generateImage({ file: path.join(made, 'picture.avif'), width: 300, height: 200, format: 'avif' }),
    generateImage({ file: path.join(made, 'picture.webp'), width: 300, height: 200, format: 'webp' }),
    generateHeic({ file: path.join(made, 'plain.heic'), width: 640, height: 480 }),
    generateHeic({ file: path.join(made, 'alpha.heic'), width: 320, height: 240, alpha: true }),
    // iPhone-shaped: 512 px HEVC tiles in a grid, the edge tiles cropped by the grid's size.
    generateHeic({ file: path.join(made, 'grid.heic'), width: 1100, height: 700, tileSize: 512 }),
    // Stored landscape with irot 90° (anticlockwise): shown portrait.
    generateHeic({ file: path.join(made, 'rotated.heic'), width: 640, height: 480, rotation: 90 }),
    // A photo saved under a video's name: content decides, not the extension.
    generateImage({ file: path.join(made, 'really-a-jpeg.mp4'), width: 320, height: 200, format: 'jpeg' }),
  ]);
  summary = await env.processor().runOnce();
  for (const row of await env.t.db.selectFrom('media_files').selectAll().execute()) byName.set(row.original_name, row);
  for (const job of await env.t.db.selectFrom('processing_queue').selectAll().execute()) jobs.set(job.path, job);
}, 240_000);

afterAll(async () => env?.close());

test('no plaintext WebP, JPEG, PNG, TS or MP4 anywhere under assets/', async () => {
  const files = await fs.readdir(env.assetsDir, { recursive: true });
  expect(files.length).toBeGreaterThan(50);
  expect(await findPlaintextMedia(env.assetsDir)).toEqual([]);
});

describe('the sixteen EXIF orientation photos', () => {
  test.each(orientations)('%s comes out upright', async (name) => {
    const item = byName.get(name)!;
    expect(item.status).toBe('completed');
    const { plain, meta } = await decoded(item, 'image_path');
    expect(meta.format).toBe('webp');
    if (name.startsWith('Landscape')) expect(meta.width).toBeGreaterThan(meta.height!);
    else expect(meta.height).toBeGreaterThan(meta.width!);
    expect([item.width, item.height]).toEqual([meta.width, meta.height]);
    // Same picture as orientation 1 (stored upright), pixel for pixel within JPEG noise.
    const reference = byName.get(name.replace(/_\d/, '_1'))!;
    const signature = (buf: Buffer) => sharp(buf).resize(16, 16, { fit: 'fill' }).greyscale().raw().toBuffer();
    const [a, b] = await Promise.all([
      signature(plain),
      decoded(reference, 'image_path').then((r) => signature(r.plain)),
    ]);
    const meanDifference = a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
    expect(meanDifference).toBeLessThan(12);
  });
});

describe('photos made for the test', () => {
  test('EXIF orientation applied, date and camera in the database, no metadata in the output', async () => {
    const item = byName.get('camera.jpg')!;
    expect([item.width, item.height]).toEqual([400, 600]);
    expect(item.taken_at?.toISOString()).toBe('2019-07-14T15:16:17.000Z');
    expect(item.metadata.camera).toEqual({ make: 'Apple', model: 'iPhone 12' });
    expect(JSON.stringify(item.metadata)).not.toMatch(/gps|latitude|longitude/i);
    const { plain, meta } = await decoded(item, 'image_path');
    expect([meta.width, meta.height]).toEqual([400, 600]);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(plain.includes(Buffer.from('GPS'))).toBe(false);
    expect(plain.includes(Buffer.from('iPhone'))).toBe(false);
  });

  test('large photos fit inside 3840×2160; small ones are never enlarged', async () => {
    expect((await decoded(byName.get('big.jpg')!, 'image_path')).meta).toMatchObject({ width: 3600, height: 2160 });
    expect((await decoded(byName.get('small.png')!, 'image_path')).meta).toMatchObject({ width: 200, height: 100 });
  });

  test('every photo has a 300×300 WebP cover thumbnail', async () => {
    for (const name of ['camera.jpg', 'big.jpg', 'small.png', 'grid.heic', 'picture.tiff']) {
      expect((await decoded(byName.get(name)!, 'thumbnail_path')).meta, name).toMatchObject({
        format: 'webp',
        width: 300,
        height: 300,
      });
    }
  });

  test('PNG alpha stays transparent', async () => {
    const { meta } = await decoded(byName.get('alpha.png')!, 'image_path');
    expect(meta).toMatchObject({ format: 'webp', width: 400, height: 300, hasAlpha: true });
  });

  test('an animated GIF stays animated, thumbnail too', async () => {
    const item = byName.get('animated.gif')!;
    const image = await decoded(item, 'image_path', true);
    expect(image.meta).toMatchObject({ format: 'webp', pages: 4, width: 160, pageHeight: 120 });
    const thumb = await decoded(item, 'thumbnail_path', true);
    expect(thumb.meta).toMatchObject({ pages: 4, width: 300, pageHeight: 300 });
  });

  test('TIFF, AVIF and WebP are read', async () => {
    for (const name of ['picture.tiff', 'picture.avif', 'picture.webp']) {
      expect(byName.get(name)?.status, name).toBe('completed');
      expect((await decoded(byName.get(name)!, 'image_path')).meta).toMatchObject({ width: 300, height: 200 });
    }
  });

  test('HEIC: plain, with alpha, grid-tiled and irot-rotated come out right-sized and decryptable', async () => {
    expect((await decoded(byName.get('plain.heic')!, 'image_path')).meta).toMatchObject({ width: 640, height: 480 });
    expect((await decoded(byName.get('alpha.heic')!, 'image_path')).meta).toMatchObject({ width: 320, height: 240 });
    const grid = await decoded(byName.get('grid.heic')!, 'image_path');
    expect(grid.meta).toMatchObject({ width: 1100, height: 700 });
    // The red square sits at the top-left of the picture: the tiles are in their places.
    const { data } = await sharp(grid.plain)
      .extract({ left: 50, top: 50, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(180);
    expect(data[2]).toBeLessThan(90);
    const rotated = await decoded(byName.get('rotated.heic')!, 'image_path');
    expect(rotated.meta).toMatchObject({ width: 480, height: 640 });
    expect(byName.get('rotated.heic')).toMatchObject({ width: 480, height: 640, mime: 'image/heic' });
  });

  test('a photo named .mp4 is still a photo', async () => {
    expect(byName.get('really-a-jpeg.mp4')).toMatchObject({ status: 'completed', type: 'image', mime: 'image/jpeg' });
  });
});

describe('the tiny edge-case files', () => {
  test.each(tinyFiles)('%s becomes a valid item or a clean failure with its original kept', async (name) => {
    const job = jobs.get(`tiny/${name}`)!;
    expect(['completed', 'failed']).toContain(job.status);
    if (job.status === 'completed') {
      const item =
        byName.get(name) ??
        (await env.t.db
          .selectFrom('media_files')
          .selectAll()
          .where('id', '=', job.media_id!)
          .executeTakeFirstOrThrow());
      expect(item.status).toBe('completed');
      const thumb = await env.openSealed(item.thumbnail_path!);
      expect((await sharp(thumb).metadata()).format).toBe('webp');
    } else {
      expect(job.error_code).toMatch(/^MEDIA_00[45]$/);
      expect(job.error).toBeTruthy();
      expect(job.failed_path).toBe(`failed/tiny/${name}`);
      const kept = await fs.readFile(path.join(env.importsDir, job.failed_path!));
      expect(kept.equals(await fs.readFile(path.join(fixtures, 'tiny', name)))).toBe(true);
      const note = await fs.readFile(path.join(env.importsDir, `${job.failed_path}.error.txt`), 'utf8');
      expect(note).toContain(job.error_code!);
      expect(note).toContain(job.error!);
    }
  });

  test('the run reports what failed and nothing is left half-done', async () => {
    const failed = [...jobs.values()].filter((j) => j.status === 'failed');
    expect(summary.failed).toBe(failed.length);
    expect([...jobs.values()].every((j) => j.status === 'completed' || j.status === 'failed')).toBe(true);
    expect(await fs.readdir(path.join(env.assetsDir, '.staging'))).toEqual([]);
    const remaining = await fs.readdir(path.join(env.importsDir, 'tiny'));
    expect(remaining).toEqual([]);
  });
});
