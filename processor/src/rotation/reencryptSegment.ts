import { createCipheriv, createDecipheriv } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export interface SegmentCipher {
  key: Buffer;
  iv: Buffer;
}

/**
 * Decrypts an AES-128-CBC HLS segment and encrypts it again under a new key and IV,
 * streaming, without ffmpeg: the video itself is never touched. A wrong old key shows
 * up as a padding error from the decipher. Returns the bytes written.
 */
export async function reencryptSegment(
  src: string,
  dest: string,
  from: SegmentCipher,
  to: SegmentCipher,
): Promise<number> {
  const output = createWriteStream(dest, { mode: 0o600 });
  await pipeline(
    createReadStream(src, { highWaterMark: 1 << 20 }),
    createDecipheriv('aes-128-cbc', from.key, from.iv),
    createCipheriv('aes-128-cbc', to.key, to.iv),
    output,
  );
  return output.bytesWritten;
}
