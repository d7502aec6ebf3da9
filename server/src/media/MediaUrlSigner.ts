import { createHmac, timingSafeEqual } from 'node:crypto';
import { uuidSource, type MediaPurpose } from '@keepsake/contracts';

/**
 * What one item's token is for, so a URL handed out for one use opens nothing more:
 * `thumb` the tile's pictures (thumbnail, hover and scene previews), `image` the full photo and
 * a video's poster, `stream` the playlists and segments, `original` the admin-only original
 * (each rendition's purpose is in the renditions table).
 */
export type { MediaPurpose };

/**
 * What a media token may open: one purpose of one item (`thumb:<id>`, …), one HLS key (`key:<id>`)
 * or one zip download (`download:<id>`).
 */
export type SignedResource = `${MediaPurpose}:${string}` | `key:${string}` | `download:${string}`;

const tokenPattern = new RegExp(`^(${uuidSource})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})$`);

export interface MediaUrlSignerOptions {
  /** Long enough for a whole film; the live-session check on every request revokes at once anyway. */
  lifetimeMs?: number;
  /** Expiry is rounded up to this, so an item's URLs stay the same for a while and browsers can cache them. */
  roundingMs?: number;
  now?: () => number;
}

/**
 * Tokens for media URLs (`?t=`), which `<img>` and native HLS send without headers:
 * `<session id>.<expiry>.<HMAC-SHA256 over session, resource and expiry>`; the resource names the
 * purpose, so a thumbnail's token does not verify for the same item's photo or original.
 */
export class MediaUrlSigner {
  private readonly lifetimeMs: number;
  private readonly roundingMs: number;
  private readonly now: () => number;

  constructor(
    private readonly secret: string,
    options: MediaUrlSignerOptions = {},
  ) {
    this.lifetimeMs = options.lifetimeMs ?? 6 * 3600_000;
    this.roundingMs = options.roundingMs ?? 3600_000;
    this.now = options.now ?? Date.now;
  }

  sign(sessionId: string, resource: SignedResource): string {
    const expiresAt = Math.ceil((this.now() + this.lifetimeMs) / this.roundingMs) * this.roundingMs;
    const expiry = Math.floor(expiresAt / 1000);
    return `${sessionId}.${expiry}.${this.mac(sessionId, resource, expiry).toString('base64url')}`;
  }

  /** Signs one item's URLs, each for its own purpose. */
  itemTokens(sessionId: string, mediaId: string): (purpose: MediaPurpose) => string {
    return (purpose) => this.sign(sessionId, `${purpose}:${mediaId}`);
  }

  /** The session id the token was issued to, or null when it is malformed, tampered with or expired. */
  verify(token: unknown, resource: SignedResource): string | null {
    if (typeof token !== 'string') return null;
    const match = tokenPattern.exec(token);
    if (!match) return null;
    const [, sessionId, expiryText, macText] = match as unknown as [string, string, string, string];
    const expiry = Number(expiryText);
    // Compared as text: base64url's last character carries spare bits, so decoding first would
    // accept several spellings of one MAC.
    const presented = Buffer.from(macText, 'latin1');
    const expected = Buffer.from(this.mac(sessionId, resource, expiry).toString('base64url'), 'latin1');
    const genuine = presented.length === expected.length && timingSafeEqual(presented, expected);
    return genuine && expiry * 1000 > this.now() ? sessionId : null;
  }

  private mac(sessionId: string, resource: SignedResource, expiry: number): Buffer {
    return createHmac('sha256', this.secret).update(`${sessionId}\n${resource}\n${expiry}`).digest();
  }
}
