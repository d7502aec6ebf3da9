import { isUuid } from '@keepsake/contracts';

/** The 16 bytes of a UUID, so the header holds it at a fixed size. */
export function uuidToBytes(uuid: string): Buffer {
  if (!isUuid(uuid)) throw new TypeError(`Not a UUID: ${JSON.stringify(uuid)}`);
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

export function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
