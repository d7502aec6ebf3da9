import { NotSealedError, TamperedError, TruncatedError, UnsupportedVersionError } from './errors.js';
import { bytesToUuid, uuidToBytes } from './uuidBytes.js';

/**
 * Sealed file header, version 2 (88 bytes, big-endian; vault/README.md has the whole format).
 * Version 1 has the same layout; version 2 also binds the file to its place (see fileKey.ts):
 *
 *   0  magic "KSKSEAL\0"      8   |  24 key id (UUID bytes)   16
 *   8  version = 2            1   |  40 salt (random)         32
 *   9  flags                  1   |  72 key check             16
 *  10  reserved = 0           2   |
 *  12  chunk size             4   |
 *  16  plaintext size         8   |  (0 unless flag PLAIN_SIZE)
 */
export const MAGIC = Buffer.from('KSKSEAL\0', 'latin1');
/** What the writer writes. */
export const FORMAT_VERSION = 2;
/** Still read: files sealed before files were bound to their place, until rotation re-seals them. */
export const UNBOUND_FORMAT_VERSION = 1;
export const HEADER_SIZE = 88;
export const SALT_SIZE = 32;
export const KEY_CHECK_SIZE = 16;
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
/** Bounds what a reader will allocate for one chunk, whatever a header claims. */
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
/** The plaintext size is recorded, so any cut in the last chunk reads as TRUNCATED. */
export const FLAG_PLAIN_SIZE = 0x01;
const KNOWN_FLAGS = FLAG_PLAIN_SIZE;

const at = {
  version: 8,
  flags: 9,
  reserved: 10,
  chunkSize: 12,
  plainSize: 16,
  keyId: 24,
  salt: 40,
  keyCheck: 72,
} as const;

export interface HeaderFields {
  chunkSize: number;
  /** Recorded when the writer knows it up front (sealFile, sealBuffer). */
  plainSize: number | undefined;
  keyId: string;
  salt: Buffer;
  keyCheck: Buffer;
}

export interface ParsedHeader extends HeaderFields {
  version: number;
  /** The exact header bytes: every chunk authenticates them. */
  bytes: Buffer;
}

export function isValidChunkSize(size: number): boolean {
  return Number.isInteger(size) && size >= 1 && size <= MAX_CHUNK_SIZE;
}

export function encodeHeader(fields: HeaderFields): Buffer {
  const header = Buffer.alloc(HEADER_SIZE);
  MAGIC.copy(header, 0);
  header[at.version] = FORMAT_VERSION;
  header[at.flags] = fields.plainSize === undefined ? 0 : FLAG_PLAIN_SIZE;
  header.writeUInt32BE(fields.chunkSize, at.chunkSize);
  header.writeBigUInt64BE(BigInt(fields.plainSize ?? 0), at.plainSize);
  uuidToBytes(fields.keyId).copy(header, at.keyId);
  fields.salt.copy(header, at.salt);
  fields.keyCheck.copy(header, at.keyCheck);
  return header;
}

/**
 * Reads the header fields from the first bytes of a file. Only structure is checked here;
 * the header's integrity is proven when a chunk authenticates (its AAD covers these bytes).
 */
export function parseHeader(bytes: Buffer, label: string): ParsedHeader {
  const magicPart = bytes.subarray(0, MAGIC.length);
  if (!magicPart.equals(MAGIC.subarray(0, magicPart.length)))
    throw new NotSealedError(`${label} is not a Keepsake sealed file`);
  if (bytes.length < HEADER_SIZE) throw new TruncatedError(`${label} ends inside its sealed-file header`);

  const version = bytes[at.version]!;
  if (version !== FORMAT_VERSION && version !== UNBOUND_FORMAT_VERSION)
    throw new UnsupportedVersionError(
      `${label} is sealed with format version ${version}; this Keepsake reads versions ${UNBOUND_FORMAT_VERSION} and ${FORMAT_VERSION}`,
    );
  const flags = bytes[at.flags]!;
  if ((flags & ~KNOWN_FLAGS) !== 0 || bytes.readUInt16BE(at.reserved) !== 0)
    throw new TamperedError(`${label}: its header has unknown flags set (altered)`);
  const chunkSize = bytes.readUInt32BE(at.chunkSize);
  if (!isValidChunkSize(chunkSize)) throw new TamperedError(`${label}: its header has an impossible chunk size`);
  const recordedSize = bytes.readBigUInt64BE(at.plainSize);
  const hasPlainSize = (flags & FLAG_PLAIN_SIZE) !== 0;
  if ((!hasPlainSize && recordedSize !== 0n) || recordedSize > BigInt(Number.MAX_SAFE_INTEGER))
    throw new TamperedError(`${label}: its header has an impossible plaintext size`);

  const header = bytes.subarray(0, HEADER_SIZE);
  return {
    version,
    chunkSize,
    plainSize: hasPlainSize ? Number(recordedSize) : undefined,
    keyId: bytesToUuid(header.subarray(at.keyId, at.keyId + 16)),
    salt: header.subarray(at.salt, at.salt + SALT_SIZE),
    keyCheck: header.subarray(at.keyCheck, at.keyCheck + KEY_CHECK_SIZE),
    bytes: header,
  };
}
