import { fileTypeFromFile } from 'file-type';
import { unsupported } from '../errors/ProcessingError.js';
import { probeVideo, type VideoProbe } from './probeVideo.js';
import { rawMimeFromTiff } from './rawStructure.js';
import { readTiffIfds } from './readTiffIfds.js';

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heif' | 'tiff' | 'avif' | 'bmp' | 'jxl' | 'raw';

export interface ImageMedia {
  type: 'image';
  format: PhotoFormat;
  mime: string;
}
export type DetectedMedia = ImageMedia | { type: 'video'; mime: string; probe: VideoProbe };

const photoMimes: Record<string, PhotoFormat> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heif',
  'image/heif': 'heif',
  'image/tiff': 'tiff',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
  'image/jxl': 'jxl',
  // Camera RAW: DNG (also Apple ProRAW), Canon, Nikon, Sony, Fujifilm, Olympus, Panasonic.
  'image/x-adobe-dng': 'raw',
  'image/x-canon-cr2': 'raw',
  'image/x-canon-cr3': 'raw',
  'image/x-nikon-nef': 'raw',
  'image/x-sony-arw': 'raw',
  'image/x-fujifilm-raf': 'raw',
  'image/x-olympus-orf': 'raw',
  'image/x-panasonic-rw2': 'raw',
};

/** Formats file-type knows as pictures that Keepsake does not take (ffmpeg must not "play" them). */
const otherPictures = /^image\//;

/**
 * What a file is, from its bytes: magic numbers for photos, ffprobe for videos. The name's
 * extension is never trusted (a text file called .mp4 is still text).
 */
export async function detectMedia(file: string, signal?: AbortSignal): Promise<DetectedMedia> {
  const { photo, type } = await sniffPhoto(file);
  if (photo) return photo;
  const probe = await probeVideo(file, signal);
  return { type: 'video', mime: type?.mime.startsWith('video/') ? type.mime : videoMime(probe.container), probe };
}

/** The photo a file is by its magic numbers (and a TIFF by its structure), or null: no ffprobe. */
export async function detectPhoto(file: string): Promise<ImageMedia | null> {
  return (await sniffPhoto(file)).photo;
}

async function sniffPhoto(file: string): Promise<{ photo: ImageMedia | null; type?: { mime: string } }> {
  const type = await fileTypeFromFile(file);
  if (type?.mime === 'image/tiff') {
    // A NEF, ARW, PEF or SRW file-type did not tell from a TIFF: sensor data in its IFDs.
    const rawMime = rawMimeFromTiff((await readTiffIfds(file)) ?? { size: 0, ifds: [] });
    if (rawMime) return { photo: { type: 'image', format: 'raw', mime: rawMime } };
  }
  if (!type) return { photo: null };
  const format = photoMimes[type.mime];
  if (format) return { photo: { type: 'image', format, mime: type.mime }, type };
  if (otherPictures.test(type.mime)) throw unsupported(`unsupported picture format (${type.ext})`);
  return { photo: null, type };
}

function videoMime(formatName: string): string {
  if (/mp4|mov/.test(formatName)) return 'video/mp4';
  if (/matroska|webm/.test(formatName)) return 'video/x-matroska';
  if (formatName.includes('avi')) return 'video/x-msvideo';
  return 'video/unknown';
}
