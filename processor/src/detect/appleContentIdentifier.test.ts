import { expect, test } from 'vitest';
import { appleContentIdentifier } from './appleContentIdentifier.js';

/** An Apple maker note: "Apple iOS\0", version 1, byte order, then an IFD with offsets from the note's start. */
function note(entries: { tag: number; type: number; count: number; value: number }[], tail = '', order = 'MM'): Buffer {
  const head = Buffer.concat([Buffer.from('Apple iOS\0', 'latin1'), Buffer.from([0, 1]), Buffer.from(order)]);
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  const le = order === 'II';
  const u16 = (v: number, at: number) => (le ? ifd.writeUInt16LE(v, at) : ifd.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (le ? ifd.writeUInt32LE(v, at) : ifd.writeUInt32BE(v, at));
  u16(entries.length, 0);
  entries.forEach((entry, i) => {
    u16(entry.tag, 2 + i * 12);
    u16(entry.type, 4 + i * 12);
    u32(entry.count, 6 + i * 12);
    u32(entry.value, 10 + i * 12);
  });
  return Buffer.concat([head, ifd, Buffer.from(tail, 'latin1')]);
}

const id = 'E1F2A3B4-5C6D-4E7F-8091-A2B3C4D5E6F7';
const textAt = (entries: number) => 14 + 2 + entries * 12 + 4;

test('reads the ContentIdentifier of an iPhone maker note, in either byte order', () => {
  for (const order of ['MM', 'II']) {
    const entries = [
      { tag: 0x0001, type: 9, count: 1, value: 14 },
      { tag: 0x0011, type: 2, count: id.length + 1, value: textAt(2) },
    ];
    expect(appleContentIdentifier(note(entries, `${id}\0`, order))).toBe(id);
  }
});

test('is null for other makers, notes without it and notes that point outside themselves', () => {
  expect(appleContentIdentifier(undefined)).toBeNull();
  expect(appleContentIdentifier(Buffer.from('Nikon\0\x02\x10\0\0MM\0*\0\0\0\x08'))).toBeNull();
  expect(appleContentIdentifier(note([{ tag: 0x0001, type: 9, count: 1, value: 14 }]))).toBeNull();
  // An offset past the end, a huge count, a number instead of text, an entry count larger than the note.
  expect(appleContentIdentifier(note([{ tag: 0x0011, type: 2, count: 37, value: 10_000 }]))).toBeNull();
  expect(appleContentIdentifier(note([{ tag: 0x0011, type: 2, count: 0xffffffff, value: textAt(1) }], id))).toBeNull();
  expect(appleContentIdentifier(note([{ tag: 0x0011, type: 4, count: 1, value: 7 }]))).toBeNull();
  const lying = note([{ tag: 0x0011, type: 2, count: id.length + 1, value: textAt(1) }], `${id}\0`);
  lying.writeUInt16BE(5000, 14);
  expect(appleContentIdentifier(lying.subarray(0, 40))).toBeNull();
  // Control characters are no identifier.
  expect(appleContentIdentifier(note([{ tag: 0x0011, type: 2, count: 6, value: textAt(1) }], 'ab\ncd\0'))).toBeNull();
});
