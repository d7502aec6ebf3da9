import { Transform } from 'node:stream';
import { createSealer } from './sealer.js';
import type { SealingKey, SealOptions } from './types.js';

/** Plaintext in, sealed bytes out (header first), with the stream's own backpressure. */
export function createSealStream(key: SealingKey, options: SealOptions = {}): Transform {
  const sealer = createSealer(key, options);
  const pushAll = (stream: Transform, pieces: Buffer[]) => {
    for (const piece of pieces) stream.push(piece);
  };
  return new Transform({
    transform(chunk: Buffer | Uint8Array, _encoding, callback) {
      const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      try {
        pushAll(this, sealer.update(data));
      } catch (error) {
        return callback(error as Error);
      }
      callback();
    },
    flush(callback) {
      try {
        pushAll(this, sealer.final());
      } catch (error) {
        return callback(error as Error);
      }
      callback();
    },
  });
}
