/**
 * Reading and rewriting the key lines of an HLS media playlist. ffmpeg writes one
 * `#EXT-X-KEY:METHOD=AES-128,URI="/api/media/keys/<id>",IV=0x…` per key; every segment
 * after it is encrypted with that key and IV (RFC 8216 §4.3.2.4).
 */

import { hlsKeyUri, parseHlsKeyUri } from '@keepsake/contracts';

export interface SegmentKey {
  keyId: string;
  iv: Buffer;
}

export interface PlaylistSegment {
  uri: string;
  key: SegmentKey;
}

const keyLine = /^#EXT-X-KEY:(.*)$/;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|,)${name}=("[^"]*"|[^,]*)`).exec(attributes);
  return match?.[1]?.replace(/^"|"$/g, '');
}

function parseKey(attributes: string, mediaSequence: number): SegmentKey {
  if (attribute(attributes, 'METHOD') !== 'AES-128') throw new Error(`unsupported key method in "${attributes}"`);
  const uri = attribute(attributes, 'URI') ?? '';
  const keyId = parseHlsKeyUri(uri);
  if (!keyId) throw new Error(`key URI "${uri}" does not name a Keepsake key`);
  const ivText = attribute(attributes, 'IV');
  return {
    keyId,
    iv: ivText ? Buffer.from(ivText.replace(/^0x/i, '').padStart(32, '0'), 'hex') : sequenceIv(mediaSequence),
  };
}

/** Without an IV attribute, the IV is the segment's media sequence number. */
function sequenceIv(sequence: number): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(sequence), 8);
  return iv;
}

/** Every segment of a media playlist with the key and IV it was encrypted with. */
export function listEncryptedSegments(playlist: string): PlaylistSegment[] {
  const segments: PlaylistSegment[] = [];
  let sequence = Number(/^#EXT-X-MEDIA-SEQUENCE:(\d+)/m.exec(playlist)?.[1] ?? 0);
  let keyAttributes: string | undefined;
  for (const raw of playlist.split('\n')) {
    const line = raw.trim();
    const key = keyLine.exec(line);
    if (key) keyAttributes = key[1];
    else if (line && !line.startsWith('#')) {
      if (!keyAttributes) throw new Error(`segment "${line}" comes before any #EXT-X-KEY`);
      segments.push({ uri: line, key: parseKey(keyAttributes, sequence) });
      sequence += 1;
    }
  }
  return segments;
}

/** The same playlist with every key line naming the new key and IV. */
export function withNewKey(playlist: string, key: SegmentKey): string {
  const attributes = `METHOD=AES-128,URI="${hlsKeyUri(key.keyId)}",IV=0x${key.iv.toString('hex')}`;
  return playlist
    .split('\n')
    .map((line) => (keyLine.test(line.trim()) ? `#EXT-X-KEY:${attributes}` : line))
    .join('\n');
}
