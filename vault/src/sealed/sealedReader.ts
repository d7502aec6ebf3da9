import { openChunk } from './chunkCipher.js';
import { TamperedError, TruncatedError, WrongKeyError } from './errors.js';
import { deriveFileKey, keyMatchesCheck } from './fileKey.js';
import { HEADER_SIZE, parseHeader, UNBOUND_FORMAT_VERSION, type ParsedHeader } from './header.js';
import { chunkSpan, layoutOf, type Layout, type LayoutCheck } from './layout.js';
import type { ByteSource } from './byteSource.js';
import type { BindingOption, ByteRange, KeyResolver } from './types.js';

/** Reads as many whole chunks per read call as fit here, to keep syscalls few on sequential reads. */
const READ_BATCH_BYTES = 1024 * 1024;

export interface SealedStructure extends LayoutCheck {
  header: ParsedHeader;
}

/** Header and chunk layout, from the header bytes and the file's length only (no key, O(1)). */
export async function readStructure(source: ByteSource): Promise<SealedStructure> {
  const header = parseHeader(await source.read(0, Math.min(HEADER_SIZE, source.size)), source.label);
  return { header, ...layoutOf(header, source.size, source.label) };
}

/** Whole chunks from..to, read with one call; start is their offset in the file. */
interface Batch {
  from: number;
  to: number;
  start: number;
  bytes: Buffer;
}

export interface SealedReader {
  header: ParsedHeader;
  layout: Layout;
  /** Authenticated plaintext of the range (whole file by default), chunk by chunk; no empty pieces. */
  plaintext(range?: ByteRange): AsyncGenerator<Buffer>;
}

/**
 * Opens a sealed source for reading: proves the key against the header's key check, then
 * decrypts only the chunks asked for. Each chunk is authenticated before any of its bytes
 * are handed out, and an authentication failure is diagnosed (see classifyFailure).
 */
export async function openSealedSource(
  source: ByteSource,
  resolveKey: KeyResolver,
  { binding = '' }: BindingOption = {},
): Promise<SealedReader> {
  const { label } = source;
  const { header, layout, mismatch } = await readStructure(source);
  const storageKey = await resolveKey(header.keyId);
  if (!storageKey) throw new WrongKeyError(`${label} is sealed with key ${header.keyId}, which is not known`);
  if (!keyMatchesCheck(storageKey, header.keyCheck))
    throw new WrongKeyError(`${label} was not sealed with the key given for ${header.keyId}`);
  const fileKey = deriveFileKey(storageKey, header.salt, header.version, binding);

  // Only tried once authentication has failed, so the common path pays nothing for the diagnosis.
  const classifyFailure = (index: number, final: boolean, sealed: Buffer): never => {
    if (openChunk(fileKey, header.bytes, index, !final, sealed)) {
      if (final)
        throw new TruncatedError(`${label} ends after chunk ${index}, which is not its last chunk (cut short)`);
      throw new TamperedError(`${label} has data after its final chunk ${index}`);
    }
    if (index === 0 && header.version !== UNBOUND_FORMAT_VERSION)
      throw new TamperedError(
        `${label} fails authentication at chunk 0: altered, or sealed for another place than ${JSON.stringify(binding)}`,
      );
    throw new TamperedError(`${label} fails authentication at chunk ${index}: altered or reordered`);
  };
  const open = (index: number, sealed: Buffer): Buffer => {
    const final = index === layout.chunkCount - 1;
    return openChunk(fileKey, header.bytes, index, final, sealed) ?? classifyFailure(index, final, sealed);
  };

  if (mismatch) {
    const span = chunkSpan(layout, mismatch.probe);
    if (span.offset + span.length > source.size) throw mismatch.unproven;
    open(mismatch.probe, await source.read(span.offset, span.length));
    throw mismatch.ifAuthentic;
  }

  const readBatch = async (from: number, to: number): Promise<Batch> => {
    const start = chunkSpan(layout, from).offset;
    const end = chunkSpan(layout, to);
    return { from, to, start, bytes: await source.read(start, end.offset + end.length - start) };
  };

  async function* chunks(first: number, last: number): AsyncGenerator<Buffer> {
    const perBatch = Math.max(1, Math.floor(READ_BATCH_BYTES / chunkSpan(layout, 0).length));
    let next: Promise<Batch> | undefined = readBatch(first, Math.min(last, first + perBatch - 1));
    while (next) {
      const batch: Batch = await next;
      // Read ahead while this batch is decrypted. If the consumer stops early, the read-ahead's
      // outcome is of no interest, but must not surface as an unhandled rejection.
      next = batch.to < last ? readBatch(batch.to + 1, Math.min(last, batch.to + perBatch)) : undefined;
      next?.catch(() => {});
      for (let index = batch.from; index <= batch.to; index++) {
        const span = chunkSpan(layout, index);
        const offset = span.offset - batch.start;
        yield open(index, batch.bytes.subarray(offset, offset + span.length));
      }
    }
  }

  async function* plaintext(range?: ByteRange): AsyncGenerator<Buffer> {
    const { start, end } = range ?? { start: 0, end: layout.plainSize - 1 };
    if (range) checkRange(range, layout.plainSize, label);
    const { chunkSize } = layout;
    const first = Math.floor(start / chunkSize);
    // An empty file still has its one (empty, final) chunk authenticated.
    const last = Math.max(first, Math.floor(end / chunkSize));
    let index = first;
    for await (const plain of chunks(first, last)) {
      const base = index * chunkSize;
      const piece = plain.subarray(Math.max(0, start - base), Math.min(plain.length, end + 1 - base));
      if (piece.length > 0) yield piece;
      index += 1;
    }
  }

  return { header, layout, plaintext };
}

function checkRange({ start, end }: ByteRange, plainSize: number, label: string): void {
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end < plainSize))
    throw new RangeError(`Range ${start}-${end} is not within the ${plainSize} bytes of ${label}`);
}
