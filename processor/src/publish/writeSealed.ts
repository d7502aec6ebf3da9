import fs from 'node:fs/promises';
import path from 'node:path';
import { sealBuffer, type ContentKey } from '@keepsake/database';

/** Encrypts a finished output in memory and writes only the sealed bytes: no plaintext on disk. */
export async function writeSealed(dir: string, name: string, plain: Buffer, key: ContentKey): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await sealBuffer(plain, { id: key.id, key: key.key }), { mode: 0o600 });
  return name;
}
