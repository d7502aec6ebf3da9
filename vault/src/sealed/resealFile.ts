import { open } from 'node:fs/promises';
import { fileSource, FIRST_CHUNK_PREFIX } from './byteSource.js';
import { openSealedSource } from './sealedReader.js';
import { createSealer } from './sealer.js';
import { writeSealedFile } from './writeSealedFile.js';
import type { SealFileOptions } from './sealFile.js';
import type { KeyResolver, SealingKey } from './types.js';

/**
 * Re-encrypts a sealed file under another key (key rotation) into dest, in one pass:
 * each chunk is authenticated and decrypted, then sealed again; plaintext never touches disk.
 * The binding (options.binding) is kept: the file stays bound to the same place. A version 1
 * (unbound) file comes out bound. src is left as it is; dest is removed again on failure.
 */
export async function resealFile(
  src: string,
  dest: string,
  resolveKey: KeyResolver,
  newKey: SealingKey,
  options: SealFileOptions = {},
): Promise<{ plainSize: number; sealedSize: number }> {
  const input = await open(src, 'r');
  try {
    const { size } = await input.stat();
    const reader = await openSealedSource(fileSource(input, size, src, FIRST_CHUNK_PREFIX), resolveKey, {
      binding: options.binding,
    });
    const { plainSize } = reader.layout;
    const sealer = createSealer(newKey, { chunkSize: options.chunkSize, binding: options.binding, plainSize });
    const sealedSize = await writeSealedFile(dest, sealer, reader.plaintext(), options);
    return { plainSize, sealedSize };
  } finally {
    await input.close();
  }
}
