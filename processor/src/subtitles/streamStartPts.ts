import { createDecipheriv } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { listEncryptedSegments } from '../rotation/hlsPlaylist.js';

const PACKET = 188;
/** Enough packets to have met the first frame of every stream of a segment. */
const PACKETS_LOOKED_AT = 4000;

/** The PTS of a PES header starting in this TS payload, or null. */
function pesPts(payload: Buffer): number | null {
  if (payload.length < 14 || payload[0] !== 0 || payload[1] !== 0 || payload[2] !== 1) return null;
  if ((payload[7]! & 0x80) === 0) return null;
  const p = payload;
  return (p[9]! & 0x0e) * 2 ** 29 + ((p[10]! << 7) | (p[11]! >> 1)) * 2 ** 15 + ((p[12]! << 7) | (p[13]! >> 1));
}

/** The smallest PTS among the first packets of an MPEG-TS segment (90 kHz), or null. */
export function firstPts(ts: Buffer): number | null {
  let lowest: number | null = null;
  for (let at = 0; at + PACKET <= ts.length && at < PACKETS_LOOKED_AT * PACKET; at += PACKET) {
    if (ts[at] !== 0x47 || (ts[at + 1]! & 0x40) === 0) continue;
    const control = (ts[at + 3]! >> 4) & 3;
    if ((control & 1) === 0) continue;
    const start = at + 4 + (control & 2 ? 1 + ts[at + 4]! : 0);
    const pts = pesPts(ts.subarray(start, at + PACKET));
    if (pts !== null && (lowest === null || pts < lowest)) lowest = pts;
  }
  return lowest;
}

/**
 * The first timestamp of a published or staged video, read from the first segment of its first
 * variant (decrypted in memory with the item's HLS key): subtitles are mapped onto it, so cue
 * time 0 is the video's first frame whatever offset the muxer started at.
 */
export async function streamStartPts(
  assetDir: string,
  variantPlaylist: string,
  resolveKey: (keyId: string) => Promise<Buffer | null>,
): Promise<number> {
  const playlistFile = path.join(assetDir, variantPlaylist);
  const [first] = listEncryptedSegments(await fs.readFile(playlistFile, 'utf8'));
  if (!first || !/^[\w.-]+\.ts$/.test(first.uri)) throw new Error(`${variantPlaylist} lists no segment`);
  const key = await resolveKey(first.key.keyId);
  if (!key) throw new Error(`the HLS key of ${variantPlaylist} is missing`);
  const encrypted = await fs.readFile(path.join(path.dirname(playlistFile), first.uri));
  const decipher = createDecipheriv('aes-128-cbc', key, first.key.iv);
  const pts = firstPts(Buffer.concat([decipher.update(encrypted), decipher.final()]));
  if (pts === null) throw new Error(`the first segment of ${variantPlaylist} holds no timestamp`);
  return pts;
}
