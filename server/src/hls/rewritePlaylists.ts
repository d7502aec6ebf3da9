import { uuidPattern } from '@keepsake/contracts';
import { isSegmentFile, isVariantName } from './hlsNames.js';
import { rewritePlaylistUris } from './playlistLines.js';

/** A playlist on disk that does not look like what the processor writes (ARCHITECTURE.md, asset layout). */
export class UnexpectedPlaylistError extends Error {
  override name = 'UnexpectedPlaylistError';
}

export interface ItemLocation {
  mediaId: string;
  generation: number;
}

export interface MasterPlaylistUrls extends ItemLocation {
  /** The `?t=` token for this item, signed for `stream`. */
  itemToken: string;
}

/**
 * The master playlist with each relative variant URI ("720p/index.m3u8") made absolute-path
 * and signed: a relative URI would be resolved against the master's URL and lose its token.
 */
export function rewriteMasterPlaylist(text: string, urls: MasterPlaylistUrls): string {
  const base = `/api/media/stream/${urls.mediaId}/g${urls.generation}`;
  return rewritePlaylistUris(text, (uri) => {
    const match = /^([^/]+)\/index\.m3u8$/.exec(uri);
    if (!match || !isVariantName(match[1]!)) throw new UnexpectedPlaylistError(`unexpected variant URI "${uri}"`);
    return `${base}/${match[1]}/index.m3u8?t=${urls.itemToken}`;
  });
}

export interface VariantPlaylistUrls extends ItemLocation {
  variant: string;
  itemToken: string;
  /** The `?t=` token for an HLS key id. */
  keyToken(keyId: string): string;
}

/**
 * A variant playlist with its key URI (`/api/media/keys/<id>`) and every segment URI made
 * absolute-path and signed. Segments are named, never pathed: "seg_00000.ts" only.
 */
export function rewriteVariantPlaylist(text: string, urls: VariantPlaylistUrls): string {
  const segmentBase = `/api/media/segment/${urls.mediaId}/g${urls.generation}/${urls.variant}`;
  return rewritePlaylistUris(text, (uri, tag) => {
    if (tag === '#EXT-X-KEY') {
      const keyId = /^\/api\/media\/keys\/([0-9a-f-]{36})$/.exec(uri)?.[1];
      if (!keyId || !uuidPattern.test(keyId)) throw new UnexpectedPlaylistError(`unexpected key URI "${uri}"`);
      return `/api/media/keys/${keyId}?t=${urls.keyToken(keyId)}`;
    }
    if (!isSegmentFile(uri)) throw new UnexpectedPlaylistError(`unexpected media URI "${uri}"`);
    return `${segmentBase}/${uri}?t=${urls.itemToken}`;
  });
}
