/** Apple's maker note starts so, then a version (0x0001) and the byte order; its IFD follows at 14. */
const APPLE_PREFIX = 'Apple iOS\0';
const IFD_START = 14;
const CONTENT_IDENTIFIER_TAG = 0x0011;
const ASCII = 2;
/** An identifier is a UUID; anything much longer is not one. */
const MAX_LENGTH = 128;

/**
 * The ContentIdentifier (tag 0x0011) of an iPhone's maker note: what the photo of a Live Photo
 * shares with its MOV (`com.apple.quicktime.content.identifier`). The note's value offsets count
 * from its own first byte. Null for any other maker, or a note that does not hold one; every read
 * is bounded by the note, which comes from an untrusted file.
 */
export function appleContentIdentifier(makerNote: Uint8Array | undefined): string | null {
  if (!makerNote || makerNote.length < IFD_START + 2) return null;
  const note = Buffer.from(makerNote.buffer, makerNote.byteOffset, makerNote.byteLength);
  if (note.toString('latin1', 0, APPLE_PREFIX.length) !== APPLE_PREFIX) return null;
  const order = note.toString('latin1', 12, 14);
  if (order !== 'MM' && order !== 'II') return null;
  const le = order === 'II';
  const u16 = (at: number) => (le ? note.readUInt16LE(at) : note.readUInt16BE(at));
  const u32 = (at: number) => (le ? note.readUInt32LE(at) : note.readUInt32BE(at));
  const count = u16(IFD_START);
  for (let i = 0; i < count; i++) {
    const entry = IFD_START + 2 + i * 12;
    if (entry + 12 > note.length) return null;
    if (u16(entry) !== CONTENT_IDENTIFIER_TAG) continue;
    const length = u32(entry + 4);
    if (u16(entry + 2) !== ASCII || length < 2 || length > MAX_LENGTH) return null;
    const at = length <= 4 ? entry + 8 : u32(entry + 8);
    if (at + length > note.length) return null;
    const text = note
      .toString('latin1', at, at + length)
      .replace(/\0.*$/s, '')
      .trim();
    return /^[\x21-\x7e]+$/.test(text) ? text : null;
  }
  return null;
}
