/**
 * Seek-bar previews (trickplay): small frames of a video every `interval` seconds, packed row by
 * row into sprite sheets. The processor writes this index (sealed, as `trickplay.json.sealed`)
 * beside the sheets; the server serves it with each sheet's signed URL; the web finds the tile
 * of a moment with `trickplayTileAt`.
 */
export interface TrickplayIndex {
  version: 1;
  /** Seconds between two frames: frame k shows the moment k × interval. */
  interval: number;
  /** How many frames there are over all sheets. */
  count: number;
  /** One tile's size in pixels. */
  tileWidth: number;
  tileHeight: number;
  /** Tiles per sheet row and rows per sheet (the last sheet may be partly empty). */
  columns: number;
  rows: number;
  /** The sheets in order: frames [first, first + count) of the video. */
  sheets: TrickplaySheet[];
}

export interface TrickplaySheet {
  /** Its file name in the item's folder, as stored (sealed). */
  file: string;
  /** The first frame it holds. */
  first: number;
  /** How many frames it holds. */
  count: number;
  /** The moment (seconds) its first frame shows. */
  start: number;
}

/** The index as the API serves it: each sheet with its signed URL instead of its file name. */
export interface TrickplayView extends Omit<TrickplayIndex, 'sheets'> {
  sheets: (Omit<TrickplaySheet, 'file'> & { url: string })[];
}

export const TRICKPLAY_INDEX_FILE = 'trickplay.json.sealed';
export const TRICKPLAY_MIME = 'image/webp';
/** The longer side of a tile (landscape 160 × 90, portrait 90 × 160). */
export const TRICKPLAY_TILE_SIZE = 160;
export const TRICKPLAY_COLUMNS = 10;
export const TRICKPLAY_ROWS = 10;
/** At least one frame per 10 s; the shortest spacing, so a short clip gets no frame storm. */
export const TRICKPLAY_MAX_INTERVAL = 10;
export const TRICKPLAY_MIN_INTERVAL = 1;
/** Frames aimed at for a video: up to 2000 s the interval grows to keep to this many. */
export const TRICKPLAY_TARGET_FRAMES = 200;

/**
 * Seconds between frames for a video of this length: about TARGET_FRAMES over the video, never
 * closer than 1 s, never further than 10 s apart (so a film past 2000 s gets one per 10 s, which
 * is more than 200: the 10 s rule is the one a seek preview needs). Tenths of a second, so the
 * ffmpeg `fps=` and the index say the same number.
 */
export function trickplayInterval(durationSeconds: number): number {
  const spread = Math.ceil((durationSeconds / TRICKPLAY_TARGET_FRAMES) * 10) / 10;
  return Math.min(TRICKPLAY_MAX_INTERVAL, Math.max(TRICKPLAY_MIN_INTERVAL, spread));
}

/** The sheet file of sheet n (0-based), sealed like every other rendition. */
export function trickplaySheetFile(n: number): string {
  return `trickplay-${String(n).padStart(3, '0')}.webp.sealed`;
}

export const trickplaySheetPattern = /^trickplay-\d{3}\.webp\.sealed$/;

export interface TrickplayTile {
  sheet: number;
  /** The tile's top-left corner in its sheet, in pixels. */
  x: number;
  y: number;
  /** The moment the tile shows. */
  time: number;
}

/** The tile showing the moment nearest before `seconds`. */
export function trickplayTileAt(
  index: Pick<TrickplayIndex, 'interval' | 'count' | 'tileWidth' | 'tileHeight' | 'columns' | 'rows'>,
  seconds: number,
): TrickplayTile | null {
  if (index.count === 0) return null;
  const frame = Math.min(index.count - 1, Math.max(0, Math.floor(seconds / index.interval + 1e-6)));
  const perSheet = index.columns * index.rows;
  const inSheet = frame % perSheet;
  return {
    sheet: Math.floor(frame / perSheet),
    x: (inSheet % index.columns) * index.tileWidth,
    y: Math.floor(inSheet / index.columns) * index.tileHeight,
    time: frame * index.interval,
  };
}
