/** Tiles per row: 2 on a phone, up to 6 on a wide screen, aiming at roughly 180–240 px tiles. */
export function columnsForWidth(width: number): number {
  if (width < 480) return 2;
  if (width < 720) return 3;
  if (width < 1000) return 4;
  if (width < 1400) return 5;
  return 6;
}

/** Space between tiles: tighter on phones where every pixel counts. */
export function gapForWidth(width: number): number {
  return width < 480 ? 3 : 8;
}
