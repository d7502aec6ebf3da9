import sharp from 'sharp';
import { beforeAll, expect, test } from 'vitest';
import { fixtureFile } from '@keepsake/testkit';
import { restrictImageDecoders } from './imageDecoders.js';

const svg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><image href="file:///etc/hostname"/></svg>',
);
const photos: Record<string, Buffer> = {};

beforeAll(async () => {
  const pixels = () => sharp({ create: { width: 16, height: 16, channels: 3, background: 'teal' } });
  photos.jpeg = await pixels().jpeg().toBuffer();
  photos.png = await pixels().png().toBuffer();
  photos.webp = await pixels().webp().toBuffer();
  photos.gif = await pixels().gif().toBuffer();
  photos.tiff = await pixels().tiff().toBuffer();
  photos.heif = await pixels().heif({ compression: 'av1' }).toBuffer();
  restrictImageDecoders();
});

test('sharp still reads every photo format Keepsake takes', async () => {
  for (const [format, bytes] of Object.entries(photos)) {
    expect((await sharp(bytes).metadata()).format).toBe(format);
  }
});

test('sharp refuses formats Keepsake does not take, such as SVG with its external references', async () => {
  await expect(sharp(svg).metadata()).rejects.toThrow(/unsupported image format/);
  const ppm = Buffer.concat([Buffer.from('P6\n2 2\n255\n'), Buffer.alloc(12, 200)]);
  await expect(sharp(ppm).metadata()).rejects.toThrow(/unsupported image format/);
});

test.each(['tiny/bmp.bmp', 'tiny/jxl.jxl'])(
  'sharp does not read %s itself: BMP and JPEG XL are decoded to PNG first (decodeToFile.ts)',
  async (name) => {
    await expect(sharp(fixtureFile(name)).metadata()).rejects.toThrow(/unsupported image format/);
  },
);
