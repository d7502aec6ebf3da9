import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MediaUrlSigner } from './MediaUrlSigner.js';

describe('media URL tokens', () => {
  const session = randomUUID();
  const id = randomUUID();
  const item = `thumb:${id}` as const;
  let clock = Date.parse('2025-06-01T12:10:00Z');
  const signer = new MediaUrlSigner('s'.repeat(48), { now: () => clock });

  it('opens what it was signed for, for the session it was signed for', () => {
    expect(signer.verify(signer.sign(session, item), item)).toBe(session);
  });

  it('refuses another item, another key, a tampered token, another secret and junk', () => {
    const token = signer.sign(session, item);
    expect(signer.verify(token, `thumb:${randomUUID()}`)).toBeNull();
    expect(signer.verify(token, `key:${id}`)).toBeNull();
    const [sid, expiry, mac] = token.split('.') as [string, string, string];
    expect(signer.verify(`${sid}.${Number(expiry) + 3600}.${mac}`, item)).toBeNull();
    expect(signer.verify(`${randomUUID()}.${expiry}.${mac}`, item)).toBeNull();
    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    expect(signer.verify(`${sid}.${expiry}.${flip(mac[0]!)}${mac.slice(1)}`, item)).toBeNull();
    // The last character's spare bits too: one MAC, one spelling.
    expect(signer.verify(`${sid}.${expiry}.${mac.slice(0, -1)}${flip(mac.at(-1)!)}`, item)).toBeNull();
    expect(new MediaUrlSigner('x'.repeat(48), { now: () => clock }).verify(token, item)).toBeNull();
    for (const junk of ['', 'a.b.c', `${token}x`, 42, undefined, ['t']]) expect(signer.verify(junk, item)).toBeNull();
  });

  it('opens only the purpose it was signed for: a thumbnail token is no photo, stream or original token', () => {
    const token = signer.sign(session, item);
    for (const other of ['image', 'stream', 'original'] as const) {
      expect(signer.verify(token, `${other}:${id}`), other).toBeNull();
      expect(signer.verify(signer.sign(session, `${other}:${id}`), item), other).toBeNull();
    }
  });

  it('expires after its lifetime, and gives the same URL for a while so browsers can cache', () => {
    const token = signer.sign(session, item);
    clock += 60_000;
    expect(signer.sign(session, item)).toBe(token);
    clock += 8 * 3600_000;
    expect(signer.verify(token, item)).toBeNull();
  });
});
