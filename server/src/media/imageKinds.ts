import type { MediaFile } from '@keepsake/database';
import type { MediaPurpose } from './MediaUrlSigner.js';
import type { SealedCaching } from './sendSealed.js';

/**
 * The decrypted WebP images of an item, by URL name: the media_files column holding each, the
 * token purpose that opens it (mediaItemView signs each URL for it) and how a browser may keep it.
 * Tile pictures revalidate (the 304 comes only after the session check); the full photo is
 * never stored, so no decrypted photo outlives the sign-out in the browser's cache.
 */
export const imageKinds = {
  thumbnail: { column: 'thumbnail_path', purpose: 'thumb', cache: 'revalidate', summary: 'The 300×300 tile' },
  image: { column: 'image_path', purpose: 'image', cache: 'no-store', summary: 'The photo (WebP, at most 3840×2160)' },
  preview: {
    column: 'preview_path',
    purpose: 'thumb',
    cache: 'revalidate',
    summary: "A video's animated hover preview",
  },
  scenes: {
    column: 'scene_preview_path',
    purpose: 'thumb',
    cache: 'revalidate',
    summary: "A video's animated scene preview",
  },
  poster: { column: 'poster_path', purpose: 'image', cache: 'revalidate', summary: "A video's still poster" },
} as const satisfies Record<
  string,
  { column: keyof MediaFile; purpose: MediaPurpose; cache: SealedCaching; summary: string }
>;
