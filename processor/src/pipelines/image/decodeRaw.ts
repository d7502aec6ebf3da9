import fs from 'node:fs/promises';
import path from 'node:path';
import { unsupported } from '../../errors/ProcessingError.js';
import { runTool } from '../../ffmpeg/runTool.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';
import { decodeToFile, type DecodedFile } from './decodeToFile.js';
import { MAX_INPUT_PIXELS, overPixelLimit } from './pixelLimit.js';

/** raw-identify -v: "Full size:    6000 x 4000" (the sensor, before any turn). */
const FULL_SIZE = /Full size:\s+(\d+) x (\d+)/;

/**
 * Camera RAW files (DNG including Apple ProRAW, CR2/CR3, NEF, ARW, RAF, ORF, RW2) developed by
 * LibRaw's dcraw_emu (Debian libraw-bin): the camera's white balance (-w), the camera's
 * orientation applied, sRGB, 8-bit. Its TIFF is read by sharp's TIFF loader, which is one of the
 * photo loaders anyway; libvips's own RAW loader stays blocked. raw-identify reads the sensor
 * size first, so a header claiming a billion photosites is refused before anything is allocated.
 */
export function decodeRaw(file: string, temp: PrivateTemp, signal?: AbortSignal): Promise<DecodedFile> {
  const input = path.resolve(file);
  return decodeToFile(temp, {
    prefix: 'raw',
    what: 'RAW photo',
    output: 'developed.tiff',
    async decode(tiff) {
      const { stdout } = await runTool({ command: 'raw-identify', args: ['-v', input], signal });
      const [, width, height] = FULL_SIZE.exec(stdout)?.map(Number) ?? [];
      if (!width || !height) throw unsupported('RAW photo cannot be decoded (LibRaw does not know this camera file)');
      if (overPixelLimit(width, height)) {
        throw unsupported(`picture is too large (${width}×${height}, over ${MAX_INPUT_PIXELS / 1e6} megapixels)`);
      }
      const { stderr } = await runTool({
        command: 'dcraw_emu',
        args: ['-w', '-o', '1', '-T', '-Z', tiff, input],
        signal,
      });
      // dcraw_emu exits 0 on a file it cannot unpack ("…/cut.dng: Unexpected end of file"), writing nothing.
      await fs.access(tiff).catch(() => {
        const reason = stderr.split('\n')[0]?.replace(`${input}: `, '').trim();
        throw unsupported(`RAW photo cannot be decoded (${reason || 'no image written'})`);
      });
    },
  });
}
