import type { FileHandle } from 'node:fs/promises';
import { TruncatedError } from './errors.js';
import { DEFAULT_CHUNK_SIZE, HEADER_SIZE } from './header.js';
import { TAG_SIZE } from './layout.js';

/** The header and a first chunk of the default size: all of a typical thumbnail. */
export const FIRST_CHUNK_PREFIX = HEADER_SIZE + DEFAULT_CHUNK_SIZE + TAG_SIZE;

/** Positional reads over a sealed file or buffer, so one reader serves both. */
export interface ByteSource {
  /** Names the file in error messages. */
  label: string;
  size: number;
  read(position: number, length: number): Promise<Buffer>;
}

export function bufferSource(data: Buffer, label: string): ByteSource {
  return {
    label,
    size: data.length,
    read: async (position, length) => data.subarray(position, position + length),
  };
}

/**
 * Reads from an open file. With `prefix`, the first read fetches that many bytes from the
 * start and later reads inside them are served from memory: a small file (a thumbnail is one
 * chunk) is then opened with a single read instead of a header read plus a chunk read.
 */
export function fileSource(handle: FileHandle, size: number, label: string, prefix = 0): ByteSource {
  const readExactly = async (position: number, length: number): Promise<Buffer> => {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
      // The file shrank since its size was taken.
      if (bytesRead === 0) throw new TruncatedError(`${label} was cut short while being read`);
      filled += bytesRead;
    }
    return buffer;
  };
  let head: Promise<Buffer> | undefined;
  const prefixLength = Math.min(prefix, size);
  return {
    label,
    size,
    read: async (position, length) => {
      if (position + length > prefixLength) return readExactly(position, length);
      head ??= readExactly(0, prefixLength);
      return (await head).subarray(position, position + length);
    },
  };
}
