import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createSealer } from './sealer.js';
import { writeSealedFile, type WriteSealedOptions } from './writeSealedFile.js';
import type { SealingKey, SealOptions } from './types.js';

export interface SealFileOptions extends WriteSealedOptions, Pick<SealOptions, 'chunkSize' | 'binding'> {}

const READ_SIZE = 1024 * 1024;

/**
 * Seals src into dest (created or replaced; removed again on failure). The source size is
 * recorded in the header, so a source that grows or shrinks while being read fails instead
 * of sealing a partial copy.
 */
export async function sealFile(
  src: string,
  dest: string,
  key: SealingKey,
  options: SealFileOptions = {},
): Promise<{ plainSize: number; sealedSize: number }> {
  const plainSize = (await stat(src)).size;
  // Made first: a bad key or option fails before dest is touched.
  const sealer = createSealer(key, { chunkSize: options.chunkSize, binding: options.binding, plainSize });
  try {
    const sealedSize = await writeSealedFile(
      dest,
      sealer,
      createReadStream(src, { highWaterMark: READ_SIZE }),
      options,
    );
    return { plainSize, sealedSize };
  } catch (error) {
    if (error instanceof RangeError) throw new Error(`${src} changed while it was being sealed: ${error.message}`);
    throw error;
  }
}
