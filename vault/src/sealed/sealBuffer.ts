import { beginSeal } from './beginSeal.js';
import { sealChunk } from './chunkCipher.js';
import { layoutFor } from './layout.js';
import type { SealingKey, SealOptions } from './types.js';

/** Seals data held in memory (thumbnails, previews) into one buffer; the size is recorded in the header. */
export async function sealBuffer(
  data: Buffer,
  key: SealingKey,
  options: Pick<SealOptions, 'chunkSize' | 'binding'> = {},
): Promise<Buffer> {
  const { header, fileKey, chunkSize } = beginSeal(key, { ...options, plainSize: data.length });
  const layout = layoutFor(data.length, chunkSize);
  const out = Buffer.allocUnsafe(layout.sealedSize);
  let offset = header.copy(out, 0);
  for (let index = 0; index < layout.chunkCount; index++) {
    const plain = data.subarray(index * chunkSize, (index + 1) * chunkSize);
    for (const piece of sealChunk(fileKey, header, index, index === layout.chunkCount - 1, [plain]))
      offset += piece.copy(out, offset);
  }
  return out;
}
