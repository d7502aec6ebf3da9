import { createHash } from 'node:crypto';

/** Everything a byte stream yields, as one buffer. */
export async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array));
  return Buffer.concat(pieces);
}

/**
 * Hex SHA-256, for comparing large buffers in assertions: deep equality over megabytes is
 * very slow in Vitest, and a digest mismatch prints short.
 */
export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
