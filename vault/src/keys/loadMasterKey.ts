import { readFile } from 'node:fs/promises';
import { MasterKeyError } from './MasterKeyError.js';

export const MASTER_KEY_SIZE = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const RESTORE = 'restore it from your backup';

/**
 * Reads the master key: the base64 of 32 random bytes on one line, as scripts/init writes it.
 * Never creates one: a missing key on an installation that holds media must stop the
 * process, not quietly start a new, empty key hierarchy.
 */
export async function loadMasterKey(file: string): Promise<Buffer> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new MasterKeyError(file, unreadableMessage(file, (error as NodeJS.ErrnoException).code));
  }
  const encoded = text.trim();
  if (encoded.length === 0) throw new MasterKeyError(file, `Master key file ${file} is empty; ${RESTORE}.`);
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0)
    throw new MasterKeyError(
      file,
      `Master key file ${file} is malformed: it must hold the base64 of ${MASTER_KEY_SIZE} random bytes on one line; ${RESTORE}.`,
    );
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== MASTER_KEY_SIZE)
    throw new MasterKeyError(
      file,
      `Master key file ${file} holds ${key.length} bytes, but a master key is ${MASTER_KEY_SIZE} bytes; ${RESTORE}.`,
    );
  return key;
}

function unreadableMessage(file: string, code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return (
        `Master key file ${file} does not exist. On a first run, create it with scripts/init; ` +
        `if this installation already holds media, ${RESTORE} (MASTER_ENCRYPTION_KEY_FILE can point elsewhere). ` +
        'Keepsake never makes a new master key on its own.'
      );
    case 'EACCES':
    case 'EPERM':
      return `Master key file ${file} cannot be read (permission denied): make it readable by the user Keepsake runs as (mode 0600).`;
    case 'EISDIR':
      return `Master key file ${file} is a directory, not a key file: point MASTER_ENCRYPTION_KEY_FILE at the key itself.`;
    default:
      return `Master key file ${file} cannot be read (${code ?? 'unknown error'}): check the file and its disk.`;
  }
}
