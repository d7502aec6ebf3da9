import { MASTER_PLAYLIST } from '../hls/hlsNames.js';
import { TRICKPLAY_INDEX_FILE } from '../trickplay/trickplayIndex.js';

export type MediaType = 'image' | 'video';

/** What a media token opens (the server signs each URL for one purpose of one item). */
export type MediaPurpose = 'thumb' | 'image' | 'stream' | 'original';

interface RenditionBase {
  /** The item types the processor makes it for. */
  types: readonly MediaType[];
  /** Its file name inside the generation folder (the sealed binding names it too). */
  file: string;
  /** What the route answers it as; null: the item's own type (the original). */
  mime: string | null;
  /** Sealed at rest (the server opens it) or served as written (HLS, its segments AES-128). */
  sealed: boolean;
  /**
   * Which route serves it, at `/api/media/<name>/:id`: `image` the generic route for sealed
   * pictures (server/src/routes/media/images.ts), `stream`, `original` and `trickplay` their own.
   */
  route: 'image' | 'stream' | 'original' | 'trickplay' | 'motion';
  /** The token purpose that opens it. */
  purpose: MediaPurpose;
  /** The field of the API's media item holding its signed URL; null: not in the item view. */
  url: `${string}_url` | null;
  /** How long a browser may keep it (image route). */
  cache?: 'revalidate' | 'no-store';
  /** The route's OpenAPI summary (image route). */
  summary?: string;
}

/**
 * Where its path is stored. The renditions that existed when this table was made each have a
 * media_files column (kept, so the database stays as it was); a rendition added since needs
 * none: its path is `<asset_dir>/<file>`, there for every item of its types.
 */
type Stored =
  | { folder: 'media'; column?: `${string}_path`; optional?: true }
  | { folder: 'originals'; column: `${string}_path`; optional: true };

export type Rendition = RenditionBase & Stored;

/**
 * Every file the processor publishes for an item, with everything the other parts derive from
 * it: publishing and the database write (processor), the item view, the routes and their
 * OpenAPI (server), and through the generated API types the web. Adding a rendition is one entry
 * here plus the code that produces it; renditions.test.ts (tests/integration) checks the rest.
 * The order is the API's: the item view's URL fields come in this order.
 */
export const renditions = {
  thumbnail: {
    types: ['image', 'video'],
    folder: 'media',
    column: 'thumbnail_path',
    file: 'thumb.webp.sealed',
    mime: 'image/webp',
    sealed: true,
    route: 'image',
    purpose: 'thumb',
    url: 'thumbnail_url',
    // Tile pictures revalidate (the 304 comes only after the session check).
    cache: 'revalidate',
    summary: 'The 300×300 tile',
  },
  image: {
    types: ['image'],
    folder: 'media',
    column: 'image_path',
    file: 'image.webp.sealed',
    mime: 'image/webp',
    sealed: true,
    route: 'image',
    purpose: 'image',
    url: 'image_url',
    // Never stored, so no decrypted photo outlives the sign-out in the browser's cache.
    cache: 'no-store',
    summary: 'The photo (WebP, at most 3840×2160)',
  },
  preview: {
    types: ['video'],
    folder: 'media',
    column: 'preview_path',
    file: 'preview.webp.sealed',
    mime: 'image/webp',
    sealed: true,
    route: 'image',
    purpose: 'thumb',
    url: 'preview_url',
    cache: 'revalidate',
    summary: "A video's animated hover preview",
  },
  scenes: {
    types: ['video'],
    folder: 'media',
    column: 'scene_preview_path',
    file: 'scenes.webp.sealed',
    mime: 'image/webp',
    sealed: true,
    route: 'image',
    purpose: 'thumb',
    url: 'scene_preview_url',
    cache: 'revalidate',
    summary: "A video's animated scene preview",
  },
  poster: {
    types: ['video'],
    folder: 'media',
    column: 'poster_path',
    file: 'poster.webp.sealed',
    mime: 'image/webp',
    sealed: true,
    route: 'image',
    purpose: 'image',
    url: 'poster_url',
    cache: 'revalidate',
    summary: "A video's still poster",
  },
  trickplay: {
    types: ['video'],
    folder: 'media',
    // Added in migration 0016: videos processed before it have none (null, no URL).
    column: 'trickplay_path',
    // The index; its sprite sheets (trickplay-000.webp.sealed, …) lie beside it, sealed too.
    file: TRICKPLAY_INDEX_FILE,
    mime: 'application/json',
    sealed: true,
    route: 'trickplay',
    purpose: 'thumb',
    url: 'trickplay_url',
  },
  motion: {
    types: ['image'],
    folder: 'media',
    // Only a Live Photo has one (migration 0019), added to its photo item when the MOV joins it.
    column: 'motion_path',
    optional: true,
    file: 'motion.mp4.sealed',
    mime: 'video/mp4',
    sealed: true,
    route: 'motion',
    purpose: 'image',
    url: 'motion_url',
  },
  stream: {
    types: ['video'],
    folder: 'media',
    column: 'playlist_path',
    file: MASTER_PLAYLIST,
    mime: 'application/vnd.apple.mpegurl',
    sealed: false,
    route: 'stream',
    purpose: 'stream',
    url: 'stream_url',
  },
  original: {
    types: ['image', 'video'],
    folder: 'originals',
    column: 'original_path',
    // Kept only with KEEP_ORIGINALS; its URL is in the item's details, for admins.
    optional: true,
    file: 'original.sealed',
    mime: null,
    sealed: true,
    route: 'original',
    purpose: 'original',
    url: null,
  },
} as const satisfies Record<string, Rendition>;

export type Renditions = typeof renditions;
export type RenditionName = keyof Renditions;
export const renditionNames = Object.keys(renditions) as RenditionName[];

/** The renditions that go into the item's own folder (images/ or videos/), made by its pipeline. */
export type MediaRenditionName = {
  [N in RenditionName]: Renditions[N]['folder'] extends 'media' ? N : never;
}[RenditionName];

/** The media_files columns that hold rendition paths. */
export type RenditionColumn = {
  [N in RenditionName]: Renditions[N] extends { column: infer C } ? C : never;
}[RenditionName];
export const renditionColumns = renditionNames.flatMap((name) => {
  const rendition: Rendition = renditions[name];
  return rendition.column ? [rendition.column as RenditionColumn] : [];
});

/** The fields of the API's media item that hold a rendition's signed URL, in the table's order. */
export type RenditionUrlField = NonNullable<Renditions[RenditionName]['url']>;
export const renditionUrlFields = renditionNames.flatMap((name) => {
  const field: RenditionUrlField | null = renditions[name].url;
  return field ? [field] : [];
});

/** Whether the processor makes this rendition for an item of this type. */
export function renditionFor(name: RenditionName, type: MediaType | null): boolean {
  return type !== null && (renditions[name].types as readonly MediaType[]).includes(type);
}

export interface StoredItem extends Partial<Record<RenditionColumn, string | null>> {
  type: MediaType | null;
  asset_dir: string | null;
}

/** Where an item's rendition is, relative to ASSETS_DIR, or null when the item has none. */
export function renditionPath(item: StoredItem, name: RenditionName): string | null {
  if (!renditionFor(name, item.type)) return null;
  const rendition: Rendition = renditions[name];
  if (rendition.column) return item[rendition.column as RenditionColumn] ?? null;
  return item.asset_dir ? `${item.asset_dir}/${rendition.file}` : null;
}

/** The route that serves a rendition of an item (before its `?t=`). */
export function renditionUrl(name: RenditionName, mediaId: string): string {
  return `/api/media/${name}/${mediaId}`;
}
