import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureFile, generateImage, runTool, writeMotionPhoto, type MotionPhotoSpec } from '@keepsake/testkit';
import { openPrivateTemp, type PrivateTemp } from '../../startup/privateTemp.js';
import type { MotionLog } from './embeddedMotion.js';
import { extractEmbeddedMotion } from './extractEmbeddedMotion.js';
import { findEmbeddedMotion } from './findEmbeddedMotion.js';

// Motion photos built to the published layouts (Google's MicroVideo and Motion Photo 1.0 XMP,
// Samsung's SEF trailer) from a sharp JPEG and a 1 s ffmpeg MP4; then files that lie.
let work: string;
let temp: PrivateTemp;
let clip: Buffer;

function collectingLog(): MotionLog & { reasons: string[] } {
  const reasons: string[] = [];
  return {
    reasons,
    info: (object) => reasons.push(...((object as { reasons?: string[] }).reasons ?? [String(object)])),
  };
}

const photo = (name: string, spec: Omit<MotionPhotoSpec, 'file' | 'width' | 'height'>) =>
  writeMotionPhoto({ file: path.join(work, name), width: 320, height: 240, clip, ...spec });

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-motion-test-'));
  temp = await openPrivateTemp(path.join(work, 'private'));
  // One ffmpeg clip for every file, so the files differ only in how they frame it.
  clip = (await writeMotionPhoto({ file: path.join(work, 'first.jpg'), width: 32, height: 32, layout: 'microvideo' }))
    .clip;
}, 120_000);

afterAll(async () => {
  await temp?.close();
  await fs.rm(work, { recursive: true, force: true });
});

describe('each published layout is found, exactly', () => {
  test.each([
    ['Google MicroVideo (MVIMG)', 'mvimg.jpg', { layout: 'microvideo' }, 'microvideo'],
    ['Motion Photo 1.0 with padding', 'pixel.MP.jpg', { layout: 'motionphoto', padding: 37 }, 'motionphoto'],
    ['Samsung trailer, no XMP', 'galaxy.jpg', { layout: 'samsung' }, 'samsung'],
    // Galaxy XMP counts its trailer block's header in: the XMP's bytes are no MP4, the trailer is asked.
    [
      'Samsung trailer with its MicroVideoOffset',
      'galaxy-mv.jpg',
      { layout: 'samsung', samsungXmp: 'microvideo' },
      'samsung',
    ],
    // Galaxy Motion Photo XMP: the right start, a length that runs on over the trailer; cut to the MP4.
    [
      'Samsung trailer with its Motion Photo XMP',
      'galaxy-mp.jpg',
      { layout: 'samsung', samsungXmp: 'motionphoto' },
      'motionphoto',
    ],
  ] as const)('%s', async (_, name, spec, layout) => {
    const written = await photo(name, spec);
    const log = collectingLog();
    const range = await findEmbeddedMotion(written.file, log);
    expect(range).toEqual({ layout, videoStart: written.videoStart, videoLength: clip.length });
    if (layout !== 'samsung' || !('samsungXmp' in spec)) expect(log.reasons).toEqual([]);
  });
});

test('the clip is streamed out to a private .mp4 that ffprobe calls a video, and disposed of', async () => {
  const written = await photo('extract.jpg', { layout: 'motionphoto', padding: 8 });
  const range = (await findEmbeddedMotion(written.file))!;
  const motion = await extractEmbeddedMotion(written.file, range, temp);
  expect(motion.file.startsWith(temp.dir)).toBe(true);
  expect(motion.file.endsWith('.mp4')).toBe(true);
  expect((await fs.stat(motion.file)).mode & 0o777).toBe(0o600);
  expect(await fs.readFile(motion.file)).toEqual(clip);
  expect(motion).toMatchObject({ layout: 'motionphoto', probe: { width: 160, height: 120, hasAudio: true } });
  expect(motion.probe.duration).toBeGreaterThan(0.5);
  await motion.dispose();
  await expect(fs.access(path.dirname(motion.file))).rejects.toThrow();
});

test('a clip that is an MP4 but no video (audio only) is refused by ffprobe, nothing left behind', async () => {
  const m4a = path.join(work, 'sound.m4a');
  await runTool('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac', '-f', 'mp4', m4a]);
  const written = await photo('sound.jpg', { layout: 'microvideo', clip: await fs.readFile(m4a) });
  const range = (await findEmbeddedMotion(written.file))!;
  expect(range.layout).toBe('microvideo');
  await expect(extractEmbeddedMotion(written.file, range, temp)).rejects.toThrow(/audio only/);
  expect(await fs.readdir(temp.dir)).toEqual([]);
});

test('a plain JPEG has no clip and nothing to say about it', async () => {
  const file = await generateImage({ file: path.join(work, 'plain.jpg'), width: 320, height: 240, format: 'jpeg' });
  const log = collectingLog();
  expect(await findEmbeddedMotion(file, log)).toBeNull();
  expect(log.reasons).toEqual([]);
});

test('a real Galaxy HEIC still (a Samsung SEF box, no clip) has none', async () => {
  const log = collectingLog();
  expect(await findEmbeddedMotion(fixtureFile('heic/sewing-threads.heic'), log)).toBeNull();
  expect(log.reasons).toEqual([]);
});

describe('a file that lies about its clip is a plain photo, with the reason logged', () => {
  test.each([
    ['a negative MicroVideoOffset', { layout: 'microvideo', xmp: { MicroVideoOffset: '-5' } }, /not a byte count/],
    [
      'an offset before the start of the file',
      { layout: 'microvideo', xmp: { MicroVideoOffset: '99999999999' } },
      /before the start of the file/,
    ],
    [
      'a length longer than the file',
      { layout: 'motionphoto', xmp: { Length: '1000000000000000' } },
      /longer than the file/,
    ],
    ['a length that is not a number', { layout: 'motionphoto', xmp: { Length: 'abc' } }, /no byte length/],
    ['MotionPhoto="0"', { layout: 'motionphoto', xmp: { MotionPhoto: '0' } }, /not a motion photo/],
    // The XMP's "no" is final: Samsung's trailer is not asked past it.
    [
      'MotionPhoto="0" beside a Samsung trailer',
      { layout: 'samsung', samsungXmp: 'motionphoto', xmp: { MotionPhoto: '0' } },
      /not a motion photo/,
    ],
    [
      'a padding that does not end the JPEG',
      { layout: 'motionphoto', padding: 16, xmp: { Padding: '3' } },
      /does not end at/,
    ],
  ] as const)('%s', async (_, spec, reason) => {
    const written = await photo('liar.jpg', spec);
    const log = collectingLog();
    expect(await findEmbeddedMotion(written.file, log)).toBeNull();
    expect(log.reasons.join('\n')).toMatch(reason);
  });

  test('an offset into the JPEG’s picture data (overlapping the photo)', async () => {
    const written = await photo('overlap.jpg', {
      layout: 'microvideo',
      xmp: { MicroVideoOffset: String(clip.length + 200) },
    });
    const log = collectingLog();
    expect(await findEmbeddedMotion(written.file, log)).toBeNull();
    expect(log.reasons.join('\n')).toMatch(/does not end at/);
  });

  test('a length reaching into the photo’s own headers', async () => {
    const probe = await photo('headers.jpg', { layout: 'motionphoto' });
    const written = await photo('headers.jpg', {
      layout: 'motionphoto',
      xmp: { Length: String(clip.length + probe.jpegBytes - 20) },
    });
    const log = collectingLog();
    expect(await findEmbeddedMotion(written.file, log)).toBeNull();
    expect(log.reasons.join('\n')).toMatch(/inside the photo's own headers/);
  });

  test('bytes that are not an MP4', async () => {
    const written = await photo('noise.jpg', { layout: 'microvideo', clip: Buffer.alloc(5000, 0x42) });
    const log = collectingLog();
    expect(await findEmbeddedMotion(written.file, log)).toBeNull();
    expect(log.reasons.join('\n')).toMatch(/not an MP4/);
  });

  test('a clip cut short', async () => {
    const written = await photo('cut.jpg', {
      layout: 'microvideo',
      clip: clip.subarray(0, Math.floor(clip.length / 2)),
    });
    const log = collectingLog();
    expect(await findEmbeddedMotion(written.file, log)).toBeNull();
    expect(log.reasons.join('\n')).toMatch(/cut short|no moov/);
  });

  test('a HEIC whose mpvd box claims more than the file holds', async () => {
    const written = await photo('long.heic', { layout: 'motionphoto', format: 'heic' });
    const bytes = await fs.readFile(written.file);
    bytes.writeUInt32BE(written.clip.length + 4096, written.videoStart - 8);
    await fs.writeFile(written.file, bytes);
    expect(await findEmbeddedMotion(written.file)).toBeNull();
  });

  test('a Samsung trailer pointing outside the file', async () => {
    const written = await photo('galaxy-liar.jpg', { layout: 'samsung' });
    const bytes = await fs.readFile(written.file);
    // The directory entry's offset back from SEFH (24-byte directory, then length and SEFT).
    bytes.writeUInt32LE(0xfffffff0, bytes.length - 32 + 16);
    await fs.writeFile(written.file, bytes);
    const log = collectingLog();
    expect(await findEmbeddedMotion(written.file, log)).toBeNull();
    expect(log.reasons.join('\n')).toMatch(/outside the file/);
  });
});
