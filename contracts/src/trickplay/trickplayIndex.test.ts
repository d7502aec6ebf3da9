import { describe, expect, it } from 'vitest';
import { trickplayInterval, trickplayTileAt } from './trickplayIndex.js';

describe('trickplay', () => {
  it('spaces frames by length: at least one per 10 s, about 200 a video, never closer than 1 s', () => {
    expect(trickplayInterval(2)).toBe(1);
    expect(trickplayInterval(150)).toBe(1);
    expect(trickplayInterval(450)).toBe(2.3);
    expect(trickplayInterval(2000)).toBe(10);
    expect(trickplayInterval(7200)).toBe(10);
    for (const seconds of [3, 60, 301, 999, 1999]) {
      const interval = trickplayInterval(seconds);
      expect(interval).toBeLessThanOrEqual(10);
      expect(Math.ceil(seconds / interval)).toBeLessThanOrEqual(200);
    }
  });

  it('finds the tile of a moment, row by row across sheets, the last frame for the very end', () => {
    const index = { interval: 2, count: 150, tileWidth: 160, tileHeight: 90, columns: 10, rows: 10 };
    expect(trickplayTileAt(index, 0)).toEqual({ sheet: 0, x: 0, y: 0, time: 0 });
    expect(trickplayTileAt(index, 25)).toEqual({ sheet: 0, x: 2 * 160, y: 90, time: 24 });
    expect(trickplayTileAt(index, 205)).toEqual({ sheet: 1, x: 2 * 160, y: 0, time: 204 });
    expect(trickplayTileAt(index, 10_000)).toMatchObject({ sheet: 1, time: 298 });
    expect(trickplayTileAt({ ...index, count: 0 }, 5)).toBeNull();
  });
});
