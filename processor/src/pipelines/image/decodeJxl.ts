import path from 'node:path';
import { unsupported } from '../../errors/ProcessingError.js';
import { runTool } from '../../ffmpeg/runTool.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';
import { decodeToFile, type DecodedFile } from './decodeToFile.js';
import { MAX_INPUT_PIXELS, overPixelLimit } from './pixelLimit.js';

/** jxlinfo's first line: "JPEG XL image, 4032x3024, lossy, 8-bit RGB". */
const SIZE = /JPEG XL (?:image|animation), (\d+)x(\d+)/;

/**
 * JPEG XL (new phones' and editors' exports): sharp's prebuilt libvips has no libjxl, so the
 * reference decoder djxl (Debian libjxl-tools) writes the PNG, the orientation applied. djxl
 * has no pixel limit of its own, so jxlinfo reads the size from the header first: a few bytes
 * can claim a billion pixels.
 */
export function decodeJxl(file: string, temp: PrivateTemp, signal?: AbortSignal): Promise<DecodedFile> {
  return decodeToFile(temp, {
    prefix: 'jxl',
    what: 'JPEG XL picture',
    async decode(png) {
      const { stdout } = await runTool({ command: 'jxlinfo', args: [path.resolve(file)], signal });
      const [, width, height] = SIZE.exec(stdout)?.map(Number) ?? [];
      if (!width || !height) throw unsupported('JPEG XL picture cannot be decoded (no image size in its header)');
      if (overPixelLimit(width, height)) {
        throw unsupported(`picture is too large (${width}×${height}, over ${MAX_INPUT_PIXELS / 1e6} megapixels)`);
      }
      await runTool({ command: 'djxl', args: [path.resolve(file), png], signal });
    },
  });
}
