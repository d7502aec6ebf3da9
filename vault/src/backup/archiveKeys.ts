import { hkdfSync, randomBytes, randomUUID, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';
import type { SealingKey } from '../sealed/index.js';
import { OperatorError } from '@keepsake/platform';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
) => Promise<Buffer>;

/** How the archive key came from the passphrase; recorded (authenticated) in the manifest. */
export interface ArchiveKdf {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 of 16 random bytes, new for every archive. */
  salt: string;
}

/** What every encrypted entry of one archive is sealed with, one key per role. */
export interface ArchiveKeys {
  /** HMAC key over manifest.json's exact bytes. */
  manifest: Buffer;
  database: SealingKey;
  private: SealingKey;
  assetsList: SealingKey;
}

const SCRYPT = { N: 1 << 17, r: 8, p: 1 };
/**
 * A manifest is read before it can be authenticated, so its KDF parameters are bounded: an
 * altered manifest must not make restore allocate gigabytes or run for hours.
 */
const MAX_MEMORY = 512 * 1024 * 1024;
const MAX_R = 32;
const MAX_P = 4;
/** scrypt's working memory for N and r. */
const memoryFor = (N: number, r: number) => 128 * N * r;

export function newArchiveKdf(): ArchiveKdf {
  return { name: 'scrypt', ...SCRYPT, salt: randomBytes(16).toString('base64') };
}

function checkKdf(kdf: ArchiveKdf): Buffer {
  const { N, r, p } = kdf;
  const salt = typeof kdf.salt === 'string' ? Buffer.from(kdf.salt, 'base64') : Buffer.alloc(0);
  const sane =
    kdf.name === 'scrypt' &&
    isIntIn(r, 1, MAX_R) &&
    isIntIn(p, 1, MAX_P) &&
    isIntIn(N, 1024, MAX_MEMORY / (128 * r)) &&
    (N & (N - 1)) === 0 &&
    salt.length === 16;
  if (!sane) throw new OperatorError("the backup's manifest.json has impossible key derivation settings (altered)");
  return salt;
}

const isIntIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

const subkey = (archiveKey: Buffer, role: string) =>
  Buffer.from(hkdfSync('sha256', archiveKey, Buffer.alloc(0), `keepsake backup v2 ${role}`, 32));

/**
 * One scrypt run per archive (its salt in the manifest), then a separate key per role, so an
 * encrypted entry only opens as what it was written as: the dump cannot be passed off as the
 * vault or the other way round. The key id is the archive's id, so an entry of another archive
 * (another salt, another id) is refused as not belonging to this manifest.
 */
export async function deriveArchiveKeys(passphrase: string, kdf: ArchiveKdf, archiveId: string): Promise<ArchiveKeys> {
  const salt = checkKdf(kdf);
  const archiveKey = await scrypt(passphrase, salt, 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 2 * memoryFor(kdf.N, kdf.r),
  });
  return {
    manifest: subkey(archiveKey, 'manifest'),
    database: { id: archiveId, key: subkey(archiveKey, 'database') },
    private: { id: archiveId, key: subkey(archiveKey, 'private') },
    assetsList: { id: archiveId, key: subkey(archiveKey, 'assets list') },
  };
}

export const newArchiveId = (): string => randomUUID();
