import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MediaUrlSigner } from './MediaUrlSigner.js';

describe('media URL tokens', () => {
  const session = randomUUID();
  const item = `item:${randomUUID()}` as const;
  let clock = Date.parse('2025-06-01T12:10:00Z');
  const signer = new MediaUrlSigner('s'.repeat(48), { now: () => clock });

  it('opens what it was signed for, for the session it was signed for', () => {
    expect(signer.verify(signer.sign(session, item), item)).toBe(session);
  });

  it('refuses another item, another key, a tampered token, another secret and junk', () => {
    const token = signer.sign(session, item);
    expect(signer.verify(token, `item:${randomUUID()}`)).toBeNull();
    expect(signer.verify(token, `key:${item.slice(5)}`)).toBeNull();
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

  it('expires after its lifetime, and gives the same URL for a while so browsers can cache', () => {
    const token = signer.sign(session, item);
    clock += 60_000;
    expect(signer.sign(session, item)).toBe(token);
    clock += 8 * 3600_000;
    expect(signer.verify(token, item)).toBeNull();
  });
});
