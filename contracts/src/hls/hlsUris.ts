import { uuidSource } from '../patterns/uuid.js';
import { isVariantName, VARIANT_PLAYLIST } from './hlsNames.js';

/**
 * The URIs inside playlists and the URLs the server answers them at. On disk the master names
 * its variants relatively and each variant playlist names its key by the key route; the server
 * makes every URI absolute and signs it when it hands a playlist out.
 */

/** The `#EXT-X-KEY` URI the processor writes: the route players fetch the AES-128 key from. */
export function hlsKeyUri(hlsKeyId: string): string {
  return `/api/media/keys/${hlsKeyId}`;
}

const keyUriPattern = new RegExp(`^/api/media/keys/(${uuidSource})$`);

/** The key id a playlist's key URI names, or null when it does not name a Keepsake key. */
export function parseHlsKeyUri(uri: string): string | null {
  return keyUriPattern.exec(uri)?.[1] ?? null;
}

/** A variant as the master playlist on disk names it: `720p/index.m3u8`. */
export function variantPlaylistUri(variant: string): string {
  return `${variant}/${VARIANT_PLAYLIST}`;
}

/** The variant a master playlist's URI names, or null when it is anything else. */
export function parseVariantPlaylistUri(uri: string): string | null {
  const [variant, file, ...more] = uri.split('/');
  return more.length === 0 && file === VARIANT_PLAYLIST && variant && isVariantName(variant) ? variant : null;
}

export interface GenerationAddress {
  mediaId: string;
  generation: number;
}

/** Where the server serves one variant playlist of one generation (before its `?t=`). */
export function variantPlaylistUrl(at: GenerationAddress, variant: string): string {
  return `/api/media/stream/${at.mediaId}/g${at.generation}/${variantPlaylistUri(variant)}`;
}

/** Where the server serves one segment of one generation's variant (before its `?t=`). */
export function segmentUrl(at: GenerationAddress, variant: string, file: string): string {
  return `/api/media/segment/${at.mediaId}/g${at.generation}/${variant}/${file}`;
}
