import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileSource, FIRST_CHUNK_PREFIX } from './byteSource.js';
import { openSealedSource } from './sealedReader.js';
import type { BindingOption, ByteRange, KeyResolver } from './types.js';

/**
 * Streams the plaintext of a sealed file, or of an inclusive byte range of it, reading only
 * the chunks that cover the range. The header, the key and the first chunk are checked before
 * the promise resolves, so a caller can still answer with an error status; a problem found in
 * a later chunk destroys the stream with the typed SealedFileError.
 */
export async function openSealedStream(
  path: string,
  resolveKey: KeyResolver,
  range?: ByteRange,
  options: BindingOption = {},
): Promise<Readable> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const reader = await openSealedSource(fileSource(handle, size, path, FIRST_CHUNK_PREFIX), resolveKey, options);
    const pieces = reader.plaintext(range);
    const first = await pieces.next();
    const stream = Readable.from(withFirst(first, pieces), { objectMode: false });
    // Ended, failed or destroyed early: the file is closed either way; a failing close has no one to tell.
    stream.once('close', () => handle.close().catch(() => {}));
    return stream;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function* withFirst(first: IteratorResult<Buffer>, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}
