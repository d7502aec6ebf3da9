import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createSealStream, openSealedStream, type KeyResolver, type SealingKey } from '@keepsake/database';

/** Opens a sealed file with its old key and seals it under the new one, streaming. */
export async function resealFile(src: string, dest: string, resolveOldKey: KeyResolver, to: SealingKey): Promise<void> {
  await pipeline(
    await openSealedStream(src, resolveOldKey),
    createSealStream(to),
    createWriteStream(dest, { mode: 0o600 }),
  );
}
