import fs from 'node:fs/promises';
import path from 'node:path';
import { bindingFor, sealBuffer, type ContentKey } from '@keepsake/vault';

/**
 * Encrypts a finished output in memory and writes only the sealed bytes: no plaintext on disk.
 * The file is bound to its item and name, so it opens nowhere else.
 */
export async function writeSealed(dir: string, name: string, plain: Buffer, key: ContentKey): Promise<string> {
  const file = path.join(dir, name);
  const sealed = await sealBuffer(plain, { id: key.id, key: key.key }, { binding: bindingFor(key.mediaId, name) });
  await fs.writeFile(file, sealed, { mode: 0o600 });
  return name;
}
