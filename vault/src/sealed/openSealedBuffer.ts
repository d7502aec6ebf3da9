import { readFile } from 'node:fs/promises';
import { bufferSource } from './byteSource.js';
import { openSealedSource } from './sealedReader.js';
import type { BindingOption, KeyResolver } from './types.js';

/** The whole plaintext of sealed bytes held in memory. */
export async function openSealedBuffer(
  data: Buffer,
  resolveKey: KeyResolver,
  { label = 'sealed data', ...options }: BindingOption & { label?: string } = {},
): Promise<Buffer> {
  const reader = await openSealedSource(bufferSource(data, label), resolveKey, options);
  const pieces: Buffer[] = [];
  for await (const piece of reader.plaintext()) pieces.push(piece);
  // One chunk (every thumbnail) needs no copy.
  if (pieces.length === 1) return pieces[0]!;
  return Buffer.concat(pieces, reader.layout.plainSize);
}

/** The whole plaintext of a small sealed file (thumbnails, previews); stream large ones instead. */
export async function openSealedFile(
  path: string,
  resolveKey: KeyResolver,
  options: BindingOption = {},
): Promise<Buffer> {
  return openSealedBuffer(await readFile(path), resolveKey, { ...options, label: path });
}
