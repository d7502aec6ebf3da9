import type { FileHandle } from 'node:fs/promises';
import { TruncatedError } from './errors.js';

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

export function fileSource(handle: FileHandle, size: number, label: string): ByteSource {
  return {
    label,
    size,
    read: async (position, length) => {
      const buffer = Buffer.allocUnsafe(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
        // The file shrank since its size was taken.
        if (bytesRead === 0) throw new TruncatedError(`${label} was cut short while being read`);
        filled += bytesRead;
      }
      return buffer;
    },
  };
}
