import { unsupported } from '../../errors/ProcessingError.js';
import { stillInputArgs } from '../../ffmpeg/inputArgs.js';
import { runTool, ToolFailure } from '../../ffmpeg/runTool.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';
import { decodeToFile, type DecodedFile } from './decodeToFile.js';
import { MAX_INPUT_PIXELS } from './pixelLimit.js';

/**
 * Old scans and Windows screenshots. sharp's libvips reads BMP only through ImageMagick, which
 * stays blocked; ffmpeg's BMP decoder (already here for videos) writes the PNG instead, held to
 * the bmp demuxer and the one file like every ffmpeg input, and refusing more pixels than sharp
 * would take before it allocates them.
 */
export function decodeBmp(file: string, temp: PrivateTemp, signal?: AbortSignal): Promise<DecodedFile> {
  return decodeToFile(temp, {
    prefix: 'bmp',
    what: 'BMP picture',
    decode: (png) => ffmpegToPng(file, png, signal),
  });
}

async function ffmpegToPng(file: string, png: string, signal?: AbortSignal): Promise<void> {
  try {
    await runTool({
      command: 'ffmpeg',
      args: [
        ...['-hide_banner', '-nostdin', '-v', 'error', '-max_pixels', String(MAX_INPUT_PIXELS)],
        ...stillInputArgs(file, 'bmp_pipe'),
        ...['-frames:v', '1', '-c:v', 'png', '-f', 'image2', '-update', '1', `file:${png}`],
      ],
      signal,
    });
  } catch (error) {
    // ffmpeg refuses the size from the header, before allocating anything.
    const size = error instanceof ToolFailure ? /Failed to set dimensions (\d+) (\d+)/.exec(error.stderr) : null;
    if (size) {
      throw unsupported(
        `picture is too large (${size[1]}×${size[2]}, over ${MAX_INPUT_PIXELS / 1e6} megapixels)`,
        error,
      );
    }
    throw error;
  }
}
