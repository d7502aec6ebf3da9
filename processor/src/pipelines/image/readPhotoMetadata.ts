import exifr from 'exifr';
import { appleContentIdentifier } from '../../detect/appleContentIdentifier.js';

export interface PhotoMetadata {
  takenAt: Date | null;
  camera: { make?: string; model?: string; lens?: string } | null;
  /** An iPhone's ContentIdentifier: the photo of a Live Photo shares it with its MOV. */
  contentIdentifier: string | null;
}

/**
 * Date taken, camera and a Live Photo's identifier, the only EXIF Keepsake keeps (in the database, never in the output
 * files). GPS is not even read. A file without EXIF, or with broken EXIF, simply has none.
 */
export async function readPhotoMetadata(file: string): Promise<PhotoMetadata> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(file, {
      tiff: true,
      exif: true,
      gps: false,
      ifd1: false,
      interop: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      // Returned as raw bytes (exifr does not parse maker notes): Apple's holds the Live Photo's identifier.
      makerNote: true,
      pick: ['DateTimeOriginal', 'CreateDate', 'Make', 'Model', 'LensModel', 'MakerNote'],
    })) as Record<string, unknown> | undefined;
  } catch {
    return { takenAt: null, camera: null, contentIdentifier: null };
  }
  const date = tags?.DateTimeOriginal ?? tags?.CreateDate;
  const takenAt = date instanceof Date && !Number.isNaN(date.getTime()) ? date : null;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
  const camera = { make: text(tags?.Make), model: text(tags?.Model), lens: text(tags?.LensModel) };
  const hasCamera = Object.values(camera).some(Boolean);
  return {
    takenAt,
    contentIdentifier: appleContentIdentifier(tags?.makerNote as Uint8Array | undefined),
    camera: hasCamera
      ? (Object.fromEntries(Object.entries(camera).filter(([, v]) => v)) as PhotoMetadata['camera'])
      : null,
  };
}
