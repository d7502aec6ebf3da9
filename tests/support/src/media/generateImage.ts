import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp, type WriteableMetadata } from 'sharp';
import { readPrimaryImage, writeHeif, type CodedImage } from './heifBoxes.js';
import { runTool } from './runTool.js';

export interface ImageSpec {
  file: string;
  width: number;
  height: number;
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif';
  /** Transparent background with an opaque square (PNG, WebP, GIF, AVIF). */
  alpha?: boolean;
  /** Frames of an animation (GIF, WebP). */
  frames?: number;
  /** EXIF written into the file (JPEG, PNG, WebP, TIFF, AVIF). */
  exif?: {
    orientation?: number;
    dateTaken?: string;
    make?: string;
    model?: string;
    gps?: { latitude: number; longitude: number };
  };
}

function pattern(width: number, height: number, alpha: boolean, frame = 0): Sharp {
  // A red square on blue (or on transparent), at the top-left so orientation is visible.
  const square = Math.max(1, Math.round(Math.min(width, height) / 3));
  const shift = Math.round((frame * (width - square)) / 4);
  return sharp({
    create: {
      width,
      height,
      channels: 4,
      background: alpha ? { r: 0, g: 0, b: 0, alpha: 0 } : { r: 20, g: 60, b: 200, alpha: 1 },
    },
  }).composite([
    {
      input: { create: { width: square, height: square, channels: 4, background: { r: 230, g: 20, b: 20, alpha: 1 } } },
      left: Math.min(shift, width - square),
      top: 0,
    },
  ]);
}

function exifTags(exif: NonNullable<ImageSpec['exif']>): WriteableMetadata {
  const ifd0: Record<string, string> = {};
  if (exif.make) ifd0.Make = exif.make;
  if (exif.model) ifd0.Model = exif.model;
  const ifd2: Record<string, string> = {};
  if (exif.dateTaken) ifd2.DateTimeOriginal = exif.dateTaken;
  const ifd3: Record<string, string> = {};
  if (exif.gps) {
    const dms = (v: number) => {
      const a = Math.abs(v);
      const d = Math.floor(a);
      const m = Math.floor((a - d) * 60);
      const s = Math.round(((a - d) * 60 - m) * 60 * 100);
      return `${d}/1 ${m}/1 ${s}/100`;
    };
    ifd3.GPSLatitudeRef = exif.gps.latitude >= 0 ? 'N' : 'S';
    ifd3.GPSLatitude = dms(exif.gps.latitude);
    ifd3.GPSLongitudeRef = exif.gps.longitude >= 0 ? 'E' : 'W';
    ifd3.GPSLongitude = dms(exif.gps.longitude);
  }
  return {
    exif: { IFD0: ifd0, IFD2: ifd2, IFD3: ifd3 },
    ...(exif.orientation ? { orientation: exif.orientation } : {}),
  };
}

/** A small picture made with sharp, in the format and with the metadata a test asks for. */
export async function generateImage(spec: ImageSpec): Promise<string> {
  const { width, height, format, alpha = false, frames = 1 } = spec;
  await fs.mkdir(path.dirname(spec.file), { recursive: true });
  if (frames > 1) {
    const pages = await Promise.all(
      Array.from({ length: frames }, async (_, i) => pattern(width, height, alpha, i).png().toBuffer()),
    );
    await sharp(pages, { join: { animated: true } })
      .toFormat(format === 'webp' ? 'webp' : 'gif', { loop: 0, delay: Array<number>(frames).fill(100) })
      .toFile(spec.file);
    return spec.file;
  }
  const image = pattern(width, height, alpha);
  const flat = alpha ? image : image.flatten();
  const rendered = sharp(await flat.png().toBuffer());
  const withExif = spec.exif ? rendered.withMetadata(exifTags(spec.exif)) : rendered;
  await withExif.toFormat(format, format === 'avif' ? { effort: 0 } : {}).toFile(spec.file);
  return spec.file;
}

export interface HeicSpec {
  file: string;
  width: number;
  height: number;
  /** Split into tiles of this size in a grid item, as iPhones do (512 px there). */
  tileSize?: number;
  /** `irot`: anticlockwise rotation a reader must apply to show the picture upright. */
  rotation?: 0 | 90 | 180 | 270;
  alpha?: boolean;
}

async function encodeHeic(png: string, heic: string, alpha: boolean): Promise<void> {
  await runTool('heif-enc', ['-q', '50', ...(alpha ? [] : ['--no-alpha']), png, '-o', heic]);
}

/** A HEIC made with heif-enc; tiled and rotated ones are assembled from heif-enc's coded tiles. */
export async function generateHeic(spec: HeicSpec): Promise<string> {
  const { width, height, tileSize, rotation = 0, alpha = false } = spec;
  await fs.mkdir(path.dirname(spec.file), { recursive: true });
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-heic-'));
  try {
    const source = pattern(width, height, alpha);
    if (!tileSize && !rotation) {
      const png = path.join(work, 'in.png');
      await source.png().toFile(png);
      await encodeHeic(png, spec.file, alpha);
      return spec.file;
    }
    if (alpha) throw new Error('generateHeic: alpha with tiles or rotation is not supported');
    const full = await source.flatten().png().toBuffer();
    const tileWidth = tileSize ?? width;
    const tileHeight = tileSize ?? height;
    const columns = Math.ceil(width / tileWidth);
    const rows = Math.ceil(height / tileHeight);
    const tiles: CodedImage[] = [];
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const png = path.join(work, `tile-${row}-${column}.png`);
        const heic = path.join(work, `tile-${row}-${column}.heic`);
        // Edge tiles are padded to full size and the grid's output size crops them, as on iPhones.
        const left = column * tileWidth;
        const top = row * tileHeight;
        const w = Math.min(tileWidth, width - left);
        const h = Math.min(tileHeight, height - top);
        await sharp(full)
          .extract({ left, top, width: w, height: h })
          .extend({ right: tileWidth - w, bottom: tileHeight - h, background: { r: 0, g: 0, b: 0 } })
          .png()
          .toFile(png);
        await encodeHeic(png, heic, false);
        tiles.push(await readPrimaryImage(heic));
      }
    }
    await writeHeif(spec.file, {
      tiles,
      columns,
      rows,
      width,
      height,
      rotation,
    });
    return spec.file;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
