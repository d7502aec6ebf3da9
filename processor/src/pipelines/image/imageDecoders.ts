import sharp from 'sharp';

/**
 * The libvips loaders sharp may use in the processor: the photo formats detection accepts
 * (HEIC/AVIF through libheif), PNG, which ffmpeg's stills and decoded HEIC, BMP and JPEG XL
 * pictures arrive as, and TIFF, which LibRaw develops RAW photos into (decodeToFile.ts; sharp's
 * own BMP would go through ImageMagick). Every other loader (SVG with its external references,
 * PDF, ImageMagick, FITS, libvips's raw camera loader, …) is blocked, so a file that sniffs
 * differently to file-type and to libvips cannot reach one.
 */
export const IMAGE_LOADERS = [
  'VipsForeignLoadJpeg',
  'VipsForeignLoadPng',
  'VipsForeignLoadWebp',
  'VipsForeignLoadNsgif',
  'VipsForeignLoadTiff',
  'VipsForeignLoadHeif',
] as const;

/** Process-wide (libvips keeps one table); calling it again changes nothing. */
export function restrictImageDecoders(): void {
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: [...IMAGE_LOADERS] });
}
