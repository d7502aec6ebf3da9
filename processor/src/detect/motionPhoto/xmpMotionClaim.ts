import exifr from 'exifr';
import type { MotionClaim, Refusal } from './embeddedMotion.js';

/** The parts of exifr's XMP output read here (namespace prefix → properties); any may be missing. */
type XmpTree = Record<string, Record<string, unknown> | undefined>;

interface ContainerItem {
  Mime?: unknown;
  Semantic?: unknown;
  Length?: unknown;
  Padding?: unknown;
}

const videoMimes = new Set(['video/mp4', 'video/quicktime']);

/**
 * The clip a photo's XMP says it carries: Google's Motion Photo 1.0 directory
 * (`Camera:MotionPhoto` and `Container:Directory`, the items laid end to end at the end of the
 * file) or the older MicroVideo (`Camera:MicroVideoOffset`, bytes from the end of the file).
 * Null when the XMP claims no clip. exifr reads only the XMP segment, in bounded chunks, as it
 * reads the EXIF for readPhotoMetadata.
 */
export async function xmpMotionClaim(file: string, size: number): Promise<MotionClaim | Refusal | null> {
  const xmp = await readXmp(file);
  if (!xmp) return null;
  // Google writes the `GCamera` prefix; the specification's default is `Camera`.
  const camera = xmp.GCamera ?? xmp.Camera;
  if (camera?.MotionPhoto !== undefined) {
    // The specification: 0 or anything but 1 means "not a motion photo", even with a video appended.
    if (camera.MotionPhoto !== 1)
      return { refused: `XMP says it is not a motion photo (MotionPhoto=${String(camera.MotionPhoto)})`, final: true };
    return directoryClaim(xmp.Container?.Directory, size);
  }
  if (camera?.MicroVideo === 1) return microVideoClaim(camera.MicroVideoOffset, size);
  return null;
}

async function readXmp(file: string): Promise<XmpTree | null> {
  try {
    const tree = (await exifr.parse(file, {
      xmp: true,
      tiff: false,
      exif: false,
      gps: false,
      ifd1: false,
      interop: false,
      jfif: false,
      icc: false,
      iptc: false,
      ihdr: false,
      mergeOutput: false,
    })) as XmpTree | undefined;
    return tree ?? null;
  } catch {
    // Broken XMP is no claim: the photo is a photo.
    return null;
  }
}

/** A byte count as XMP writes it (exifr already made numbers of digits), or null when it is not one. */
function byteCount(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function microVideoClaim(offsetValue: unknown, size: number): MotionClaim | Refusal {
  const offset = byteCount(offsetValue);
  if (offset === null || offset === 0)
    return { refused: `MicroVideoOffset is not a byte count (${String(offsetValue)})` };
  if (offset > size)
    return { refused: `MicroVideoOffset ${offset} reaches before the start of the file (${size} bytes)` };
  // The MP4 follows the JPEG's EOI directly.
  return { layout: 'microvideo', videoStart: size - offset, videoLength: offset, stillEndsAt: size - offset };
}

function containerItems(directory: unknown): ContainerItem[] {
  const entries = Array.isArray(directory) ? directory : directory ? [directory] : [];
  return entries.map((entry) => {
    const item = (entry as { Item?: unknown } | null)?.Item ?? entry;
    return typeof item === 'object' && item ? (item as ContainerItem) : {};
  });
}

/**
 * The Motion Photo 1.0 directory: the primary image first, then each secondary item, laid end
 * to end up to the end of the file, so an item's start is the file's size less its own length
 * and the lengths after it. `Item:Padding` of the primary is what lies between its end and the
 * next item (the EOI is just before it).
 */
function directoryClaim(directory: unknown, size: number): MotionClaim | Refusal {
  const items = containerItems(directory);
  let index = items.findIndex((item) => item.Semantic === 'MotionPhoto');
  if (index < 0) index = items.findIndex((item, i) => i > 0 && videoMimes.has(String(item.Mime)));
  if (index < 1) return { refused: 'XMP directory lists no motion photo video after the primary image' };
  let videoStart = size;
  for (let i = items.length - 1; i >= index; i--) {
    const length = byteCount(items[i]!.Length);
    if (length === null) return { refused: `XMP directory item ${i} has no byte length (${String(items[i]!.Length)})` };
    videoStart -= length;
  }
  const videoLength = byteCount(items[index]!.Length)!;
  if (videoStart < 0) return { refused: `XMP directory items are longer than the file (${size} bytes)` };
  if (videoLength === 0) return { refused: 'XMP directory gives the video no length' };
  const padding = byteCount(items[0]!.Padding ?? 0);
  if (padding === null) return { refused: `XMP primary padding is not a byte count (${String(items[0]!.Padding)})` };
  const before = items[index - 1]!;
  // The JPEG before the video is the primary (less its padding) or a JPEG item such as a gain map.
  const stillEndsAt = index === 1 ? videoStart - padding : before.Mime === 'image/jpeg' ? videoStart : undefined;
  return { layout: 'motionphoto', videoStart, videoLength, ...(stillEndsAt !== undefined ? { stillEndsAt } : {}) };
}
