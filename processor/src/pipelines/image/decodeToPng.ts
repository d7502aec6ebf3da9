import fs from 'node:fs/promises';
import path from 'node:path';
import { ProcessingError, unsupported } from '../../errors/ProcessingError.js';
import { ToolFailure } from '../../ffmpeg/runTool.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';

export interface DecodedPng {
  png: string;
  dispose(): Promise<void>;
}

export interface PngDecoder {
  /** Names the temporary folder. */
  prefix: string;
  /** The picture as a person would name it, for the error ("BMP picture"). */
  what: string;
  /** Writes the picture, whole and upright, as a PNG at `png`. */
  decode(png: string): Promise<unknown>;
}

/**
 * Runs a decoder for a format sharp's libvips lacks, into a PNG that sharp then reads. The PNG
 * is plaintext: it lives in the processor's private temporary folder (0700, outside assets/,
 * wiped at start after a crash) and is removed by `dispose`. A decoder that fails is MEDIA_004
 * with its last word; an abort stays an abort.
 */
export async function decodeToPng(temp: PrivateTemp, decoder: PngDecoder): Promise<DecodedPng> {
  const { dir, dispose } = await temp.make(decoder.prefix);
  const png = path.join(dir, 'decoded.png');
  try {
    await decoder.decode(png);
    await fs.access(png);
  } catch (error) {
    await dispose();
    if (error instanceof ProcessingError || (error instanceof ToolFailure && error.aborted)) throw error;
    const detail = error instanceof ToolFailure ? error.stderr.trim().split('\n').pop() : (error as Error).message;
    throw unsupported(`${decoder.what} cannot be decoded (${detail || 'no image written'})`, error);
  }
  return { png, dispose };
}
