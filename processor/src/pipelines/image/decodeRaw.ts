import fs from 'node:fs/promises';
import path from 'node:path';
import { unsupported } from '../../errors/ProcessingError.js';
import { missingRawData } from '../../detect/rawStructure.js';
import { readTiffIfds } from '../../detect/readTiffIfds.js';
import { runTool } from '../../ffmpeg/runTool.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';
import { decodeToFile, type DecodedFile } from './decodeToFile.js';
import { MAX_INPUT_PIXELS, overPixelLimit } from './pixelLimit.js';

/** raw-identify -v: "Full size:    6000 x 4000" (the sensor, before any turn). */
const FULL_SIZE = /Full size:\s+(\d+) x (\d+)/;
/**
 * What dcraw_emu says, exiting 0 and often still writing a TIFF, when the sensor data is
 * damaged or missing ("…/IMG_1.CR3: data corrupted at 11682", "Unexpected end of file").
 */
const DAMAGED = /Unexpected end of file|data corrupted|Input\/output error|Cannot unpack|Cannot open/i;

/** LibRaw's own words, without the file's path ("Cannot decode /…/x.cr2: Unsupported file format…"). */
function lastWords(output: string, input: string): string {
  const lines = output.split('\n').filter((l) => l.trim());
  const line = lines.find((l) => DAMAGED.test(l)) ?? lines[0] ?? '';
  return line
    .replaceAll(`${input}: `, '')
    .replace(/^Cannot (unpack|open|decode) (\S+: )?/, '')
    .trim();
}

/** The sensor size LibRaw reads, refused over the pixel limit before anything is allocated. */
async function checkSensor(input: string, signal?: AbortSignal): Promise<void> {
  const { stdout, stderr } = await runTool({ command: 'raw-identify', args: ['-v', input], signal });
  const [, width, height] = FULL_SIZE.exec(stdout)?.map(Number) ?? [];
  if (!width || !height) {
    const said = lastWords(`${stdout}\n${stderr}`, input);
    throw unsupported(`RAW photo from a camera or a variant LibRaw cannot read${said ? ` (${said})` : ''}`);
  }
  if (overPixelLimit(width, height)) {
    throw unsupported(`picture is too large (${width}×${height}, over ${MAX_INPUT_PIXELS / 1e6} megapixels)`);
  }
}

/**
 * Camera RAW files (DNG including Apple ProRAW, CR2/CR3, NEF, ARW, RAF, ORF, RW2) developed by
 * LibRaw's dcraw_emu (Debian libraw-bin): the camera's white balance (-w), highlights the sensor
 * clipped in some channels blended to white rather than cut flat or tinted (-H 2), the camera's
 * orientation applied, sRGB, 8-bit. Its TIFF is read by sharp's TIFF loader, which is one of the
 * photo loaders anyway; libvips's own RAW loader stays blocked. Before developing: a TIFF-built
 * RAW whose sensor data is cut off or missing is refused (LibRaw would develop it silently into
 * black), and raw-identify reads the sensor size, so a header claiming a billion photosites is
 * refused before anything is allocated.
 */
export function decodeRaw(file: string, temp: PrivateTemp, signal?: AbortSignal): Promise<DecodedFile> {
  const input = path.resolve(file);
  return decodeToFile(temp, {
    prefix: 'raw',
    what: 'RAW photo',
    output: 'developed.tiff',
    async decode(tiff) {
      const structure = await readTiffIfds(input);
      const missing = structure && missingRawData(structure);
      if (missing) throw unsupported(missing);
      await checkSensor(input, signal);
      const { stderr } = await runTool({
        command: 'dcraw_emu',
        args: ['-w', '-H', '2', '-o', '1', '-T', '-Z', tiff, input],
        signal,
      });
      const written = await fs.access(tiff).then(
        () => true,
        () => false,
      );
      // dcraw_emu exits 0 on a file it cannot unpack, writing nothing or a picture of garbage.
      if (!written || DAMAGED.test(stderr)) {
        const reason = lastWords(stderr, input) || 'no image written';
        throw unsupported(`RAW photo cannot be decoded (${reason}): the file is damaged or incomplete`);
      }
    },
  });
}
