import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { renditions } from '@keepsake/contracts';
import type { ContentKey } from '@keepsake/vault';
import { unsupported, type ProcessingError } from '../../errors/ProcessingError.js';
import type { PhotoFormat } from '../../detect/detectMedia.js';
import { writeSealed } from '../writeSealed.js';
import { decodeBmp } from './decodeBmp.js';
import { decodeHeic } from './decodeHeic.js';
import { decodeJxl } from './decodeJxl.js';
import { decodeRaw } from './decodeRaw.js';
import type { DecodedFile } from './decodeToFile.js';
import { MAX_INPUT_PIXELS } from './pixelLimit.js';
import { readPhotoMetadata, type PhotoMetadata } from './readPhotoMetadata.js';
import { readRawMetadata } from './readRawMetadata.js';
import type { ProcessedMedia } from '../ProcessedMedia.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';
import type { MotionLog } from '../../detect/motionPhoto/embeddedMotion.js';
import { motionOfPhoto } from './motionOfPhoto.js';

export { MAX_INPUT_PIXELS } from './pixelLimit.js';
const MAX_WIDTH = 3840;
const MAX_HEIGHT = 2160;
const THUMB_SIZE = 300;

export interface ImageJob {
  input: string;
  format: PhotoFormat;
  mime: string;
  /** Where the sealed outputs go (the staging folder's images/ part). */
  outDir: string;
  storageKey: ContentKey;
  /** Where a HEIC, BMP or JPEG XL is decoded to before sharp reads it. */
  temp: PrivateTemp;
  /** Says why a motion photo's clip was left out (the photo never fails for it). */
  logger?: MotionLog;
  signal?: AbortSignal;
}

function describeSharpError(error: unknown): ProcessingError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message))
    return unsupported(`picture is too large (over ${MAX_INPUT_PIXELS / 1e6} megapixels)`, error);
  return unsupported(`picture cannot be decoded (${message.split('\n')[0]})`, error);
}

/** Formats sharp's libvips does not read (or reads only through a blocked loader), each decoded first. */
const pngDecoders: Partial<Record<PhotoFormat, typeof decodeHeic>> = {
  heif: decodeHeic,
  bmp: decodeBmp,
  jxl: decodeJxl,
  raw: decodeRaw,
};

function decodeForSharp(job: ImageJob): Promise<DecodedFile | null> {
  const decode = pngDecoders[job.format];
  return decode ? decode(job.input, job.temp, job.signal) : Promise.resolve(null);
}

/** EXIF first; for a RAW whose EXIF exifr cannot find, what LibRaw reads from it. */
async function photoMetadata(job: ImageJob): Promise<PhotoMetadata> {
  const exif = await readPhotoMetadata(job.input);
  if (job.format !== 'raw' || (exif.takenAt && exif.camera)) return exif;
  const raw = await readRawMetadata(job.input, job.signal);
  return { ...exif, takenAt: exif.takenAt ?? raw.takenAt, camera: exif.camera ?? raw.camera };
}

/**
 * A photo becomes a WebP (q85, inside 3840×2160, never enlarged, turned upright) and a 300×300
 * cover thumbnail, both sealed. sharp writes no metadata unless asked, so GPS and every other
 * EXIF field stay out of the outputs; date and camera go to the database. A motion photo's
 * clip comes back as `embeddedMotion` (a private temporary file the caller must dispose of).
 */
export async function processImage(job: ImageJob): Promise<ProcessedMedia> {
  const decoded = await decodeForSharp(job);
  try {
    const source = decoded?.file ?? job.input;
    const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' as const };
    let info: Metadata;
    try {
      info = await sharp(source, options).metadata();
    } catch (error) {
      throw describeSharpError(error);
    }
    if ((info.width ?? 0) * (info.pageHeight ?? info.height ?? 0) > MAX_INPUT_PIXELS) {
      throw unsupported(
        `picture is too large (${info.width}×${info.height}, over ${MAX_INPUT_PIXELS / 1e6} megapixels)`,
      );
    }
    const animated = (info.pages ?? 1) > 1 && (job.format === 'gif' || job.format === 'webp');
    const base = sharp(source, { ...options, animated });
    // Animations carry no EXIF orientation, and libvips cannot rotate a multi-page image.
    const upright = animated ? base : base.rotate();

    let image: { data: Buffer; info: OutputInfo };
    let thumb: Buffer;
    try {
      [image, thumb] = await Promise.all([
        upright
          .clone()
          .resize({ width: MAX_WIDTH, height: MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 85, ...(animated ? { loop: 0 } : {}) })
          .toBuffer({ resolveWithObject: true }),
        upright
          .clone()
          .resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'cover' })
          .webp({ quality: 80, ...(animated ? { loop: 0 } : {}) })
          .toBuffer(),
      ]);
    } catch (error) {
      throw describeSharpError(error);
    }
    job.signal?.throwIfAborted();
    const meta = await photoMetadata(job);
    const quarterTurn = !animated && !decoded && (info.orientation ?? 1) >= 5;
    const width = quarterTurn ? info.height! : info.width!;
    const height = quarterTurn ? info.width! : (info.pageHeight ?? info.height!);
    const [imageName, thumbName] = await Promise.all([
      writeSealed(job.outDir, renditions.image.file, image.data, job.storageKey),
      writeSealed(job.outDir, renditions.thumbnail.file, thumb, job.storageKey),
    ]);
    // Last, so nothing after it can fail and leave the clip without an owner.
    const embeddedMotion = await motionOfPhoto(job);
    return {
      type: 'image',
      mime: job.mime,
      width,
      height,
      duration: null,
      takenAt: meta.takenAt,
      metadata: {
        format: job.format,
        ...(meta.camera ? { camera: meta.camera } : {}),
        // What the MOV of a Live Photo finds its still by (livePhotoOf, media_files_content_identifier).
        ...(meta.contentIdentifier ? { contentIdentifier: meta.contentIdentifier } : {}),
        ...(animated ? { animated: true, frames: info.pages } : {}),
        hasAlpha: info.hasAlpha ?? false,
        output: { width: image.info.width, height: image.info.pageHeight ?? image.info.height },
      },
      files: { image: imageName, thumbnail: thumbName },
      ...(embeddedMotion ? { embeddedMotion } : {}),
    };
  } finally {
    await decoded?.dispose();
  }
}
