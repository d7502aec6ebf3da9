import { TRICKPLAY_COLUMNS, TRICKPLAY_ROWS, TRICKPLAY_TILE_SIZE, trickplayInterval } from '@keepsake/contracts';

export interface TrickplayPlan {
  /** Seconds between frames (tenths). */
  interval: number;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
}

const even = (value: number) => Math.max(2, 2 * Math.round(value / 2));

/**
 * The seek-bar previews of a video whose frames (as the filter branch gets them, upright) are
 * width × height: the spacing from its length, tiles whose longer side is 160 px (never enlarged).
 */
export function planTrickplay(duration: number, width: number, height: number): TrickplayPlan {
  const long = Math.min(TRICKPLAY_TILE_SIZE, Math.max(width, height));
  const scale = long / Math.max(width, height);
  return {
    interval: trickplayInterval(duration),
    tileWidth: even(width * scale),
    tileHeight: even(height * scale),
    columns: TRICKPLAY_COLUMNS,
    rows: TRICKPLAY_ROWS,
  };
}

/**
 * The filter branch: from `input`, one frame per interval scaled to a tile, packed into sheets
 * (`[sheets]`), and the same frames shrunk to 2×2 grey (`[tpcount]`, 4 bytes each) so the
 * processor knows exactly how many frames the last, partly filled sheet holds.
 */
export function trickplayFilter(input: string, plan: TrickplayPlan): string {
  const tenths = Math.round(plan.interval * 10);
  return [
    `[${input}]fps=10/${tenths},scale=${plan.tileWidth}:${plan.tileHeight},setsar=1,split[tpsheet][tpframe]`,
    `[tpsheet]tile=${plan.columns}x${plan.rows}[sheets]`,
    `[tpframe]scale=2:2,format=gray[tpcount]`,
  ].join(';');
}

/** The ffmpeg outputs of the two labels: sheets as WebP images on one pipe, the count frames raw on the next. */
export function trickplayOutputs(sheetsFd: number, countFd: number): string[] {
  // Passthrough: a sheet comes every hundred frames; a constant-rate output would repeat them.
  const common = ['-fps_mode', 'passthrough', '-an', '-max_muxing_queue_size', '4096'];
  return [
    '-map',
    '[sheets]',
    ...common,
    '-c:v',
    'libwebp',
    '-quality',
    '70',
    '-f',
    'image2pipe',
    `pipe:${sheetsFd}`,
    '-map',
    '[tpcount]',
    ...common,
    '-f',
    'rawvideo',
    `pipe:${countFd}`,
  ];
}

/** Bytes per frame on the count pipe (2×2 grey). */
export const COUNT_FRAME_BYTES = 4;
