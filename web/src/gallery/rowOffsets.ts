import type { GalleryRow } from './buildRows';

/** Where the row holding item `id` starts, from the top of the grid (null when it is not there). */
export function offsetOfItem(
  rows: readonly GalleryRow[],
  id: string,
  sizeOf: (row: GalleryRow) => number,
): number | null {
  let offset = 0;
  for (const row of rows) {
    if (row.kind === 'tiles' && row.items.some((item) => item.id === id)) return offset;
    offset += sizeOf(row);
  }
  return null;
}

/** The row at `offset` from the top of the grid (the last one past the end, -1 for none). */
export function rowAt(rows: readonly GalleryRow[], offset: number, sizeOf: (row: GalleryRow) => number): number {
  let end = 0;
  for (const [index, row] of rows.entries()) {
    end += sizeOf(row);
    if (end > offset) return index;
  }
  return rows.length - 1;
}
