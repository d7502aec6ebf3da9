import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContentKey } from '@keepsake/vault';
import {
  createProcessingEnv,
  waitFor,
  writeMotionPhoto,
  type MotionPhotoSpec,
  type ProcessingEnv,
} from '@keepsake/testkit';
import { detectMedia } from '../../detect/detectMedia.js';
import { probeVideo } from '../../detect/probeVideo.js';
import { openPrivateTemp, type PrivateTemp } from '../../startup/privateTemp.js';
import { processImage } from './processImage.js';

// A motion photo's still is the photo: told a JPEG by its content, decoded by sharp from the
// JPEG part alone at its own size, whatever follows it. Its clip comes back beside the photo
// for the motion producer and is disposed of by the job; a lying clip leaves a plain photo.
let work: string;
let temp: PrivateTemp;
const storageKey: ContentKey = {
  id: randomUUID(),
  mediaId: randomUUID(),
  purpose: 'storage',
  generation: 1,
  key: randomBytes(32),
  retiredAt: null,
};

// Sizes differ so that no two files are one item by content.
const samples: [string, Omit<MotionPhotoSpec, 'file'>, string | null][] = [
  ['MVIMG_0001.jpg', { layout: 'microvideo', width: 401, height: 300 }, 'microvideo'],
  ['PXL_0001.MP.jpg', { layout: 'motionphoto', width: 402, height: 300, padding: 12 }, 'motionphoto'],
  ['20240101_120000.jpg', { layout: 'samsung', width: 403, height: 300 }, 'samsung'],
  ['galaxy-xmp.jpg', { layout: 'samsung', width: 404, height: 300, samsungXmp: 'microvideo' }, 'samsung'],
  ['galaxy.heic', { layout: 'motionphoto', width: 407, height: 300, format: 'heic' }, 'motionphoto'],
  ['liar.jpg', { layout: 'microvideo', width: 405, height: 300, xmp: { MicroVideoOffset: '99999999999' } }, null],
  ['overlap.jpg', { layout: 'motionphoto', width: 406, height: 300, xmp: { Length: '2000' } }, null],
];

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-motion-pipeline-'));
  temp = await openPrivateTemp(path.join(work, 'private'));
}, 60_000);

afterAll(async () => {
  await temp?.close();
  await fs.rm(work, { recursive: true, force: true });
});

describe('processImage', () => {
  test.each(samples)('%s is a photo of its own size, its clip beside it', async (name, spec, layout) => {
    const { file } = await writeMotionPhoto({ file: path.join(work, name), ...spec });
    const detected = await detectMedia(file);
    const [format, mime] =
      spec.format === 'heic' ? (['heif', 'image/heic'] as const) : (['jpeg', 'image/jpeg'] as const);
    expect(detected).toEqual({ type: 'image', format, mime });
    const outDir = await fs.mkdtemp(path.join(work, 'out-'));
    const photo = await processImage({ input: file, format, mime, outDir, storageKey, temp });
    expect(photo).toMatchObject({ type: 'image', width: spec.width, height: spec.height });
    expect(Object.keys(photo.files).sort()).toEqual(['image', 'thumbnail']);
    if (!layout) {
      expect(photo.embeddedMotion).toBeUndefined();
      expect(await fs.readdir(temp.dir)).toEqual([]);
      return;
    }
    const motion = photo.embeddedMotion!;
    expect(motion).toMatchObject({ layout, probe: { width: 160, height: 120 } });
    expect((await fs.stat(motion.file)).isFile()).toBe(true);
    await motion.dispose();
    expect(await fs.readdir(temp.dir)).toEqual([]);
  });
});

describe('the processor', () => {
  let env: ProcessingEnv;
  const tempRoot = () => path.join(env.root, 'processor-temp');
  beforeAll(async () => {
    env = await createProcessingEnv({ workers: 1 });
    for (const [name, spec] of samples) await writeMotionPhoto({ file: path.join(env.importsDir, name), ...spec });
  }, 120_000);
  afterAll(async () => env?.close());

  test('makes each motion photo a photo of the right size with its clip as motion, and keeps no clip once the job is done', async () => {
    const lines: { msg: string; layout?: string; reasons?: string[] }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const processor = env.processor({ tempRoot: tempRoot(), logger });
    await processor.start();
    try {
      const items = await waitFor('every motion photo to be an item', async () => {
        const rows = await env.t.db.selectFrom('media_files').selectAll().where('status', '=', 'completed').execute();
        return rows.length === samples.length ? rows : null;
      });
      for (const [name, spec] of samples) {
        const item = items.find((row) => row.original_name === name)!;
        const mime = spec.format === 'heic' ? 'image/heic' : 'image/jpeg';
        expect(item).toMatchObject({ type: 'image', mime, width: spec.width, height: spec.height });
        const image = await sharp(await env.openSealed(item.image_path!)).metadata();
        expect([image.format, image.width, image.height]).toEqual(['webp', spec.width, spec.height]);
      }
      // The clip is the photo's motion, made and sealed as a Live Photo's is; a lie leaves a still.
      for (const [name, , layout] of samples) {
        const item = items.find((row) => row.original_name === name)!;
        if (!layout) {
          expect(item.motion_path, name).toBeNull();
          continue;
        }
        expect(item.motion_path, name).toMatch(/motion\.mp4\.sealed$/);
        const clip = path.join(env.root, `${randomUUID()}.mp4`);
        await fs.writeFile(clip, await env.openSealed(item.motion_path!));
        const probe = await probeVideo(clip);
        await fs.rm(clip);
        expect([probe.width, probe.height], name).toEqual([160, 120]);
        expect(probe.duration, name).toBeGreaterThan(0);
      }
      // Each clip was found in the job, and each lie said why it was left out.
      const found = lines.filter((line) => line.msg.startsWith('motion photo: its clip is'));
      expect(found.map((line) => line.layout).sort()).toEqual([
        'microvideo',
        'motionphoto',
        'motionphoto',
        'samsung',
        'samsung',
      ]);
      const refused = lines.filter((line) => line.msg.startsWith('motion photo clip not taken'));
      const reasons = refused.flatMap((line) => line.reasons).join('\n');
      expect(reasons).toMatch(/before the start of the file/);
      expect(reasons).toMatch(/does not end at/);
      // The processor is still running: its own temporary folder must hold nothing of the clips.
      const [own] = await fs.readdir(tempRoot());
      expect(await fs.readdir(path.join(tempRoot(), own!))).toEqual([]);
    } finally {
      await processor.stop();
    }
  }, 180_000);
});
