import type { Browser } from 'playwright-core';

export interface FirstTilesTiming {
  /** ms from navigation start to the first tiles laid out (mark keepsake:first-tiles). */
  firstTilesMs: number;
  /** ms from navigation start to the first thumbnail decoded (mark keepsake:first-thumbnail). */
  firstThumbnailMs: number | null;
  /** ms from navigation start until the first library page had arrived. */
  libraryResponseMs: number | null;
  /** When the library request started (after the silent refresh) and when the refresh answered. */
  libraryStartMs: number | null;
  refreshResponseMs: number | null;
  /** When the page's own scripts had run (DOMContentLoaded). */
  scriptsReadyMs: number;
  tiles: number;
}

/**
 * Loads the gallery afresh (a signed-in reload: silent refresh, library page, layout) and
 * reads the app's Performance-timeline marks, all relative to the navigation's start.
 */
export async function timeToFirstTiles(browser: Browser, storageState: string, url: string): Promise<FirstTilesTiming> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('keepsake:first-tiles').length > 0, undefined, {
      timeout: 30_000,
    });
    await page
      .waitForFunction(() => performance.getEntriesByName('keepsake:first-thumbnail').length > 0, undefined, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    // Plain data out of the page, worked on here (a helper function inside the page function
    // would be wrapped by tsx in a __name() the page does not have).
    const timeline = await page.evaluate(() => ({
      marks: performance.getEntriesByType('mark').map((entry) => ({ name: entry.name, at: entry.startTime })),
      resources: performance.getEntriesByType('resource').map((entry) => ({
        name: entry.name,
        start: entry.startTime,
        end: (entry as unknown as { responseEnd: number }).responseEnd,
      })),
      // Node's typings know no 'navigation' entries; the browser does.
      scriptsReady: (
        (performance.getEntriesByType as (type: string) => unknown[])('navigation')[0] as {
          domContentLoadedEventEnd: number;
        }
      ).domContentLoadedEventEnd,
    }));
    const mark = (name: string) => timeline.marks.find((entry) => entry.name === name)?.at ?? null;
    const resource = (part: string) => timeline.resources.find((entry) => entry.name.includes(part));
    const marks = {
      firstTilesMs: mark('keepsake:first-tiles')!,
      firstThumbnailMs: mark('keepsake:first-thumbnail'),
      libraryResponseMs: resource('/api/media/library')?.end ?? null,
      libraryStartMs: resource('/api/media/library')?.start ?? null,
      refreshResponseMs: resource('/api/auth/refresh')?.end ?? null,
      scriptsReadyMs: timeline.scriptsReady,
    };
    const tiles = await page.locator('a.tile').count();
    // The load rotated the refresh cookie: keep the new one for the next load (the old one is spent).
    await context.storageState({ path: storageState });
    return { ...marks, tiles };
  } finally {
    await context.close();
  }
}
