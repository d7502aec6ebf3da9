import { TamperedError, TruncatedError, type SealedFileError } from './errors.js';
import { HEADER_SIZE, type ParsedHeader } from './header.js';

export const TAG_SIZE = 16;

/** Where the chunks of a sealed file lie: every chunk but the last holds exactly chunkSize plaintext bytes. */
export interface Layout {
  chunkSize: number;
  plainSize: number;
  chunkCount: number;
  sealedSize: number;
}

/** An empty plaintext is still one (final, empty) chunk, so even it is authenticated. */
export function chunkCountFor(plainSize: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(plainSize / chunkSize));
}

export function sealedSizeFor(plainSize: number, chunkSize: number): number {
  return HEADER_SIZE + plainSize + TAG_SIZE * chunkCountFor(plainSize, chunkSize);
}

export function layoutFor(plainSize: number, chunkSize: number): Layout {
  return {
    chunkSize,
    plainSize,
    chunkCount: chunkCountFor(plainSize, chunkSize),
    sealedSize: sealedSizeFor(plainSize, chunkSize),
  };
}

/** Byte offset and length (ciphertext + tag) of chunk `index` in the sealed file. */
export function chunkSpan(layout: Layout, index: number): { offset: number; length: number } {
  const plainStart = index * layout.chunkSize;
  const plainLength = Math.min(layout.chunkSize, layout.plainSize - plainStart);
  return { offset: HEADER_SIZE + index * (layout.chunkSize + TAG_SIZE), length: plainLength + TAG_SIZE };
}

/**
 * The file's length disagrees with its structure. Which of "cut short", "extended" or
 * "altered header" it is takes the key: the reader authenticates chunk `probe` of the
 * layout; if it passes, `ifAuthentic` is the diagnosis. Without a key, `unproven` is.
 */
export interface SizeMismatch {
  probe: number;
  ifAuthentic: SealedFileError;
  unproven: SealedFileError;
}

export interface LayoutCheck {
  layout: Layout;
  mismatch?: SizeMismatch;
}

/** For a file sealed without a recorded size, the size follows from the file's length. */
function layoutFromSealedSize(chunkSize: number, sealedSize: number, label: string): LayoutCheck {
  const body = sealedSize - HEADER_SIZE;
  const stride = chunkSize + TAG_SIZE;
  const fullChunks = Math.floor(body / stride);
  const rest = body % stride;
  // Writers never follow full chunks with an empty one: only an empty file is a lone tag.
  if (rest > TAG_SIZE || (rest === TAG_SIZE && fullChunks === 0))
    return { layout: layoutFor(fullChunks * chunkSize + rest - TAG_SIZE, chunkSize) };
  if (rest === 0 && fullChunks > 0) return { layout: layoutFor(fullChunks * chunkSize, chunkSize) };
  const cut = new TruncatedError(`${label} ends inside a chunk (sealed file cut short)`);
  if (fullChunks === 0) throw cut;
  // Too few bytes for a chunk with data: either the next chunk was cut, or bytes were added
  // after a final full chunk. The last full chunk's final flag tells which.
  return {
    layout: layoutFor(fullChunks * chunkSize, chunkSize),
    mismatch: {
      probe: fullChunks - 1,
      ifAuthentic: new TamperedError(`${label} has ${rest} bytes after its final chunk`),
      unproven: cut,
    },
  };
}

export function layoutOf(header: ParsedHeader, sealedSize: number, label: string): LayoutCheck {
  if (header.plainSize === undefined) return layoutFromSealedSize(header.chunkSize, sealedSize, label);
  const layout = layoutFor(header.plainSize, header.chunkSize);
  if (sealedSize === layout.sealedSize) return { layout };
  const error =
    sealedSize < layout.sealedSize
      ? new TruncatedError(
          `${label} is ${layout.sealedSize - sealedSize} bytes shorter than its header says (cut short)`,
        )
      : new TamperedError(`${label} has ${sealedSize - layout.sealedSize} bytes after its final chunk`);
  // Chunk 0 authenticates the header, so an altered size field reads as tampering, not as a cut.
  return { layout, mismatch: { probe: 0, ifAuthentic: error, unproven: error } };
}
