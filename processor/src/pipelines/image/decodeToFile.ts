import fs from 'node:fs/promises';
import path from 'node:path';
import { ProcessingError, unsupported } from '../../errors/ProcessingError.js';
import { ToolFailure } from '../../ffmpeg/runTool.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';

export interface DecodedFile {
  /** The decoded picture: a PNG, or a TIFF from a RAW development. */
  file: string;
  dispose(): Promise<void>;
}

export interface FileDecoder {
  /** Names the temporary folder. */
  prefix: string;
  /** The picture as a person would name it, for the error ("BMP picture"). */
  what: string;
  /** The decoded file's name, when the decoder writes something other than a PNG (a TIFF). */
  output?: string;
  /** Writes the picture, whole and upright, at `file` (a PNG unless `output` says otherwise). */
  decode(file: string): Promise<unknown>;
}

/**
 * Runs a decoder for a format sharp's libvips lacks, into a PNG (or TIFF) that sharp then reads.
 * It is plaintext: it lives in the processor's private temporary folder (0700, outside assets/,
 * wiped at start after a crash) and is removed by `dispose`. A decoder that fails is MEDIA_004
 * with its last word; an abort stays an abort.
 */
export async function decodeToFile(temp: PrivateTemp, decoder: FileDecoder): Promise<DecodedFile> {
  const { dir, dispose } = await temp.make(decoder.prefix);
  const file = path.join(dir, decoder.output ?? 'decoded.png');
  try {
    await decoder.decode(file);
    await fs.access(file);
  } catch (error) {
    await dispose();
    if (error instanceof ProcessingError || (error instanceof ToolFailure && error.aborted)) throw error;
    const detail = error instanceof ToolFailure ? error.stderr.trim().split('\n').pop() : (error as Error).message;
    throw unsupported(`${decoder.what} cannot be decoded (${detail || 'no image written'})`, error);
  }
  return { file, dispose };
}
