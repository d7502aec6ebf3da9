import { beginSeal } from './beginSeal.js';
import { sealChunk } from './chunkCipher.js';
import type { SealingKey, SealOptions } from './types.js';

/**
 * Incremental sealing, like a cipher: update() takes plaintext of any size, final() ends it;
 * both return sealed bytes to write in order (the header comes out of the first call).
 * A chunk is only encrypted once it is known whether more input follows (the final flag is
 * part of its AAD), so up to one chunk of input is held back, by reference: the caller must
 * not reuse a buffer it passed in. Input is fed to the cipher piecewise, never concatenated.
 */
export interface Sealer {
  update(data: Buffer): Buffer[];
  final(): Buffer[];
}

export function createSealer(key: SealingKey, options: SealOptions = {}): Sealer {
  const { header, fileKey, chunkSize, plainSize } = beginSeal(key, options);
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let nextIndex = 0;
  let received = 0;
  let headerWritten = false;

  const takePending = (length: number): Buffer[] => {
    const pieces: Buffer[] = [];
    let needed = length;
    while (needed > 0) {
      const head = pending[0]!;
      if (head.length <= needed) {
        pieces.push(head);
        pending.shift();
        needed -= head.length;
      } else {
        pieces.push(head.subarray(0, needed));
        pending[0] = head.subarray(needed);
        needed = 0;
      }
    }
    pendingLength -= length;
    return pieces;
  };
  const start = (): Buffer[] => {
    if (headerWritten) return [];
    headerWritten = true;
    return [header];
  };
  const emitChunk = (out: Buffer[], final: boolean): void => {
    out.push(...sealChunk(fileKey, header, nextIndex, final, takePending(final ? pendingLength : chunkSize)));
    nextIndex += 1;
  };

  return {
    update(data) {
      received += data.length;
      if (plainSize !== undefined && received > plainSize)
        throw new RangeError(`Input to seal is longer than the announced ${plainSize} bytes`);
      const out = start();
      if (data.length > 0) {
        pending.push(data);
        pendingLength += data.length;
      }
      while (pendingLength > chunkSize) emitChunk(out, false);
      return out;
    },
    final() {
      if (plainSize !== undefined && received !== plainSize)
        throw new RangeError(`Input to seal was ${received} bytes, not the announced ${plainSize}`);
      const out = start();
      emitChunk(out, true);
      pending = [];
      return out;
    },
  };
}
