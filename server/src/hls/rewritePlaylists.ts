import {
  hlsKeyUri,
  isSegmentFile,
  parseHlsKeyUri,
  parseVariantPlaylistUri,
  segmentUrl,
  variantPlaylistUrl,
} from '@keepsake/contracts';
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
  return rewritePlaylistUris(text, (uri) => {
    const variant = parseVariantPlaylistUri(uri);
    if (!variant) throw new UnexpectedPlaylistError(`unexpected variant URI "${uri}"`);
    return `${variantPlaylistUrl(urls, variant)}?t=${urls.itemToken}`;
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
  return rewritePlaylistUris(text, (uri, tag) => {
    if (tag === '#EXT-X-KEY') {
      const keyId = parseHlsKeyUri(uri);
      if (!keyId) throw new UnexpectedPlaylistError(`unexpected key URI "${uri}"`);
      return `${hlsKeyUri(keyId)}?t=${urls.keyToken(keyId)}`;
    }
    if (!isSegmentFile(uri)) throw new UnexpectedPlaylistError(`unexpected media URI "${uri}"`);
    return `${segmentUrl(urls, urls.variant, uri)}?t=${urls.itemToken}`;
  });
}
