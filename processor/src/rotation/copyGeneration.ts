import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { bindingFor, resealFile, type KeyResolver, type SealingKey } from '@keepsake/vault';
import { listEncryptedSegments, withNewKey } from './hlsPlaylist.js';
import { reencryptSegment } from './reencryptSegment.js';

export interface NewKeys {
  storage: SealingKey;
  /** Videos only: the AES-128 key the new segments are encrypted with. */
  hls?: SealingKey;
}

export interface CopyContext {
  /** The item whose files these are: each sealed file stays bound to it and its name. */
  mediaId: string;
  resolveOldKey: KeyResolver;
  keys: NewKeys;
  /** Called with the size of each file written, for progress. */
  onBytes: (bytes: number) => void;
}

const isMediaPlaylist = (text: string) => text.includes('#EXT-X-KEY:');

/** A segment name from a playlist must be a plain file name in the playlist's own folder. */
function segmentPath(dir: string, uri: string): string {
  if (!/^[\w.-]+\.ts$/.test(uri)) throw new Error(`segment URI "${uri}" is not a plain file name`);
  return path.join(dir, uri);
}

async function rotatePlaylist(
  src: string,
  dest: string,
  name: string,
  ctx: CopyContext,
  handled: Set<string>,
): Promise<void> {
  const text = await fs.readFile(path.join(src, name), 'utf8');
  if (!isMediaPlaylist(text)) {
    await fs.copyFile(path.join(src, name), path.join(dest, name));
    return;
  }
  if (!ctx.keys.hls) throw new Error(`${name} holds encrypted segments but the item has no HLS key`);
  const to = { key: ctx.keys.hls.key, iv: randomBytes(16) };
  for (const segment of listEncryptedSegments(text)) {
    const oldKey = await ctx.resolveOldKey(segment.key.keyId);
    if (!oldKey) throw new Error(`key ${segment.key.keyId} of ${name} is unknown`);
    const target = segmentPath(dest, segment.uri);
    ctx.onBytes(await reencryptSegment(segmentPath(src, segment.uri), target, { key: oldKey, iv: segment.key.iv }, to));
    handled.add(segment.uri);
  }
  await fs.writeFile(path.join(dest, name), withNewKey(text, { keyId: ctx.keys.hls.id, iv: to.iv }), { mode: 0o600 });
}

/**
 * Writes one generation folder again under new keys: sealed files re-sealed, HLS
 * segments re-encrypted (new IV per playlist), playlists pointed at the new key.
 * Anything it does not understand stops the copy rather than carrying old-key data over.
 */
export async function copyGeneration(src: string, dest: string, ctx: CopyContext): Promise<void> {
  await fs.mkdir(dest, { recursive: true, mode: 0o700 });
  const entries = await fs.readdir(src, { withFileTypes: true });
  const handled = new Set<string>();
  for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.m3u8'))) {
    await rotatePlaylist(src, dest, entry.name, ctx, handled);
  }
  for (const entry of entries) {
    const from = path.join(src, entry.name);
    const to = path.join(dest, entry.name);
    if (entry.isDirectory()) await copyGeneration(from, to, ctx);
    else if (!entry.isFile()) throw new Error(`${from} is neither a file nor a folder`);
    else if (entry.name.endsWith('.sealed')) {
      const binding = bindingFor(ctx.mediaId, entry.name);
      ctx.onBytes((await resealFile(from, to, ctx.resolveOldKey, ctx.keys.storage, { binding })).sealedSize);
    } else if (entry.name.endsWith('.ts')) {
      if (!handled.has(entry.name)) throw new Error(`${from} is not listed in any playlist`);
    } else if (!entry.name.endsWith('.m3u8')) {
      throw new Error(`${from}: unexpected file in a generation folder`);
    }
  }
}
