import type { FileHandle } from 'node:fs/promises';

/** Writes are gathered up to this size, so a chunk-at-a-time producer still makes few, large writes. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Sequential positional writes, gathered into large writev calls with one in flight, so the
 * next batch is encrypted while the previous one is being written.
 */
export interface FileWriter {
  /** Queues pieces; waits only when a full batch is ready and the previous write has not finished. */
  write(pieces: Buffer[]): Promise<void>;
  /** Writes what is left; returns the bytes written in all. */
  finish(): Promise<number>;
}

export function createFileWriter(handle: FileHandle): FileWriter {
  let position = 0;
  let gathered: Buffer[] = [];
  let gatheredBytes = 0;
  let inFlight: Promise<void> = Promise.resolve();

  const writeAll = async (pieces: Buffer[], at: number): Promise<void> => {
    let rest = pieces;
    let offset = at;
    while (rest.length > 0) {
      const { bytesWritten } = await handle.writev(rest, offset);
      offset += bytesWritten;
      rest = dropBytes(rest, bytesWritten);
    }
  };
  const flush = async (): Promise<void> => {
    await inFlight;
    inFlight = writeAll(gathered, position);
    // Reported by the next flush; never left as an unhandled rejection meanwhile.
    inFlight.catch(() => {});
    position += gatheredBytes;
    gathered = [];
    gatheredBytes = 0;
  };

  return {
    async write(pieces) {
      for (const piece of pieces) {
        gathered.push(piece);
        gatheredBytes += piece.length;
      }
      if (gatheredBytes >= WRITE_BATCH_BYTES) await flush();
    },
    async finish() {
      await flush();
      await inFlight;
      return position;
    },
  };
}

/** The pieces left after a short write of `count` bytes. */
function dropBytes(pieces: Buffer[], count: number): Buffer[] {
  let left = count;
  const rest: Buffer[] = [];
  for (const piece of pieces) {
    if (left >= piece.length) left -= piece.length;
    else {
      rest.push(left > 0 ? piece.subarray(left) : piece);
      left = 0;
    }
  }
  return rest;
}
