import { open, rm } from 'node:fs/promises';
import { createFileWriter } from './fileWriter.js';
import type { Sealer } from './sealer.js';

export interface WriteSealedOptions {
  /** fsync dest before resolving, for callers that commit a database row pointing at it next. */
  fsync?: boolean;
}

/**
 * Seals plaintext pieces into dest (created or replaced). On any failure dest is removed:
 * a half-written sealed file is never left behind.
 */
export async function writeSealedFile(
  dest: string,
  sealer: Sealer,
  plaintext: AsyncIterable<Buffer>,
  options: WriteSealedOptions,
): Promise<number> {
  // Owner-only, like every other file the processor writes under ASSETS_DIR.
  const handle = await open(dest, 'w', 0o600);
  try {
    const writer = createFileWriter(handle);
    for await (const piece of plaintext) await writer.write(sealer.update(piece));
    await writer.write(sealer.final());
    const sealedSize = await writer.finish();
    if (options.fsync) await handle.sync();
    await handle.close();
    return sealedSize;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(dest, { force: true });
    throw error;
  }
}
