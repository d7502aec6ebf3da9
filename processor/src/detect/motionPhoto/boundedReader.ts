import fs from 'node:fs/promises';

export interface BoundedReader {
  size: number;
  /** `length` bytes at `at`, or null when any of them lies outside the file. */
  read(at: number, length: number): Promise<Buffer | null>;
  close(): Promise<void>;
}

/** Small reads at chosen offsets of one open file: detection never loads the file whole. */
export async function openBoundedReader(file: string): Promise<BoundedReader> {
  const handle = await fs.open(file, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(at, length) {
      if (!Number.isSafeInteger(at) || !Number.isSafeInteger(length) || at < 0 || length < 0 || at + length > size) {
        return null;
      }
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, at);
      return bytesRead === length ? buffer : null;
    },
    close: () => handle.close(),
  };
}
