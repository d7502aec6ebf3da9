import { open } from 'node:fs/promises';
import { fileSource } from './byteSource.js';
import { readStructure } from './sealedReader.js';
import type { SealedHeader } from './types.js';

/**
 * What a sealed file holds, from its header and length alone (one small read, no key):
 * enough to answer HEAD and Range requests. Structure only; authenticity is proven on open.
 */
export async function readSealedHeader(path: string): Promise<SealedHeader> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const { header, layout, mismatch } = await readStructure(fileSource(handle, size, path));
    if (mismatch) throw mismatch.unproven;
    return {
      version: header.version,
      keyId: header.keyId,
      chunkSize: header.chunkSize,
      plainSize: layout.plainSize,
      sealedSize: size,
    };
  } finally {
    await handle.close();
  }
}
