import fs from 'node:fs/promises';
import path from 'node:path';
import { unsupported } from '../../errors/ProcessingError.js';
import { runTool, ToolFailure } from '../../ffmpeg/runTool.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';

/**
 * sharp's prebuilt libvips decodes AVIF but not HEVC-coded HEIC (iPhone photos), so libheif's
 * heif-convert (Debian libheif-examples, in the container too) turns them into a PNG first.
 * libheif assembles grid tiles and applies irot/imir, so the PNG is whole and upright.
 * The PNG is plaintext: it lives in the processor's private temporary folder (0700, outside
 * assets/, wiped at start after a crash) and is removed by `dispose`.
 */
export async function decodeHeic(
  file: string,
  temp: PrivateTemp,
  signal?: AbortSignal,
): Promise<{ png: string; dispose(): Promise<void> }> {
  const { dir, dispose } = await temp.make('heic');
  const png = path.join(dir, 'decoded.png');
  try {
    await runTool({ command: 'heif-convert', args: ['--quiet', file, png], signal });
    await fs.access(png);
  } catch (error) {
    await dispose();
    if (error instanceof ToolFailure && error.aborted) throw error;
    const detail = error instanceof ToolFailure ? error.stderr.trim().split('\n').pop() : (error as Error).message;
    throw unsupported(`HEIC/HEIF picture cannot be decoded (${detail || 'no image written'})`, error);
  }
  return { png, dispose };
}
