import { runTool } from '../../ffmpeg/runTool.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';
import { decodeToFile, type DecodedFile } from './decodeToFile.js';

/**
 * sharp's prebuilt libvips decodes AVIF but not HEVC-coded HEIC (iPhone photos), so libheif's
 * heif-convert (Debian libheif-examples, in the container too) turns them into a PNG first.
 * libheif assembles grid tiles and applies irot/imir, so the PNG is whole and upright.
 */
export function decodeHeic(file: string, temp: PrivateTemp, signal?: AbortSignal): Promise<DecodedFile> {
  return decodeToFile(temp, {
    prefix: 'heic',
    what: 'HEIC/HEIF picture',
    decode: (png) => runTool({ command: 'heif-convert', args: ['--quiet', file, png], signal }),
  });
}
