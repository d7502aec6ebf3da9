import { sql } from 'kysely';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, saveScreenshot, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

const items = 100_000;
const seededEvery = 4733; // seconds between two items' dates taken, from 2010-01-01 UTC
const pad = (n: number) => String(n).padStart(6, '0');
/** The name of the first item taken at or after `instant` (the oldest of the month it starts). */
const firstAt = (instant: number) => `IMG_${pad(Math.ceil((instant - Date.UTC(2010, 0, 1)) / 1000 / seededEvery))}.jpg`;

/**
 * 100k items over 15 years (2010–2024), written straight into the database: the scrubber is
 * about paging, not about files, so no real file is processed. No thumbnails, so the only
 * requests are the library's.
 */
async function seedFifteenYears(stack: Stack): Promise<void> {
  await sql`
    INSERT INTO media_files (original_name, type, mime, size, content_hash, status, taken_at, updated_at)
    SELECT 'IMG_' || lpad(i::text, 6, '0') || '.jpg', 'image', 'image/jpeg', 1, md5(i::text), 'completed',
           timestamptz '2010-01-01 00:00:00+00' + i * ${`${seededEvery} seconds`}::interval, now()
    FROM generate_series(1, ${items}) AS i`.execute(stack.database.db);
  await sql`ANALYZE media_files`.execute(stack.database.db);
}

/** The timeline scrubber in Chromium: a jump five years back loads that month and nothing between. */
describe('jump to any month', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const libraryRequests: URL[] = [];

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      members: [anna],
      prepare: seedFifteenYears,
    }));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
    page = await context.newPage();
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/media/library') libraryRequests.push(url);
    });
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const scrubber = () => page.getByRole('slider', { name: 'Jump to a month' });
  const firstHeader = () => page.locator('.month-header').first().textContent();
  const monthY = async (month: string) => {
    const box = (await page.locator(`.timeline-month[data-month="${month}"]`).boundingBox())!;
    return box.y + box.height / 2;
  };

  it('drags to a month five years back, shows it while dragging, and fetches no month between', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    await expect.poll(firstHeader).toBe('December 2024');
    await scrubber().waitFor();
    expect(libraryRequests.every((url) => !url.searchParams.has('cursor'))).toBe(true);
    libraryRequests.length = 0;

    const bar = (await scrubber().boundingBox())!;
    const x = bar.x + bar.width / 2;
    await page.mouse.move(x, bar.y + 4);
    await page.mouse.down();
    await page.mouse.move(x, await monthY('2019-06'), { steps: 8 });
    await page.locator('.timeline-bubble', { hasText: 'June 2019' }).waitFor();
    await saveScreenshot(page, 'timeline-dragging');
    await page.mouse.up();

    await expect.poll(firstHeader).toBe('June 2019');
    await page.locator('a.tile').first().waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toBe('2019-06');
    expect(await scrubber().getAttribute('aria-valuetext')).toBe('June 2019');
    // One page, starting right after June 2019: not one of the 5 years of pages in between.
    expect(libraryRequests.map((url) => [url.searchParams.get('from'), url.searchParams.get('cursor')])).toEqual([
      ['2019-07-01T00:00:00.000Z', null],
    ]);
    await saveScreenshot(page, 'timeline-jumped');
  });

  it('moves a year with PageDown, and Back to the newest returns to the top', async () => {
    libraryRequests.length = 0;
    await scrubber().focus();
    await page.keyboard.press('PageDown');
    await expect.poll(firstHeader).toBe('June 2018');
    expect(libraryRequests.map((url) => url.searchParams.get('from'))).toEqual(['2018-07-01T00:00:00.000Z']);

    await page.getByRole('button', { name: 'Back to the newest' }).click();
    await expect.poll(firstHeader).toBe('December 2024');
    expect(new URL(page.url()).searchParams.has('month')).toBe(false);
  });

  it('scrolling up from a jump loads the newer months above, keeps the view still, and the scrubber follows', async () => {
    await page.goto(`${stack.baseUrl}/?month=2019-06`);
    await expect.poll(firstHeader).toBe('June 2019');
    await page.locator('a.tile').first().waitFor();
    libraryRequests.length = 0;
    const june = page.locator('.month-header', { hasText: 'June 2019' });
    const juneAt = (await june.boundingBox())!.y;
    const newer = (url: URL) => url.searchParams.get('order') === 'asc';

    // At the top of the page a wheel turned up asks for what lies above: the same keyset paging,
    // against the order, from the jump's instant; June stays where it was on screen.
    await page.mouse.move(640, 500);
    await page.mouse.wheel(0, -300);
    await page.locator(`a.tile[title="${firstAt(Date.UTC(2019, 6, 1))}"]`).waitFor();
    expect(libraryRequests.map((url) => [url.searchParams.get('from'), url.searchParams.get('order')])).toEqual([
      ['2019-07-01T00:00:00.000Z', 'asc'],
    ]);
    await expect.poll(async () => Math.round((await june.boundingBox())!.y)).toBe(Math.round(juneAt));
    // The top of the screen is now July's oldest items: the scrubber says so.
    await expect.poll(() => scrubber().getAttribute('aria-valuetext')).toBe('July 2019');
    await saveScreenshot(page, 'timeline-scrolled-up');

    // Further up, the next pages follow from the cursor, still against the order.
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, -2000);
          return libraryRequests.filter((url) => newer(url) && url.searchParams.has('cursor')).length;
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
    expect(libraryRequests.every((url) => newer(url))).toBe(true);
  });

  it("month headers are the scrubber's UTC months in any time zone", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: 'America/Los_Angeles',
    });
    const west = await context.newPage();
    await signInThroughForm(west, stack.baseUrl, anna);
    // Oldest first from June: its first item is taken on 1 June 00:xx UTC, still 31 May in Los Angeles.
    await west.goto(`${stack.baseUrl}/?month=2019-06&sort=taken-asc`);
    await expect.poll(() => west.locator('.month-header').first().textContent()).toBe('June 2019');
    expect(await west.locator('a.tile').first().getAttribute('title')).toBe(firstAt(Date.UTC(2019, 5, 1)));
    await context.close();
  });

  it('a tap on the strip jumps on a phone', async () => {
    const phone = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, timezoneId: 'UTC' })
    ).newPage();
    await signInThroughForm(phone, stack.baseUrl, anna);
    await phone.locator('.month-header').first().waitFor();
    const box = (await phone.locator('.timeline-month[data-month="2015-03"]').boundingBox())!;
    const bar = (await phone.getByRole('slider', { name: 'Jump to a month' }).boundingBox())!;
    await phone.touchscreen.tap(bar.x + bar.width / 2, box.y + box.height / 2);
    await expect.poll(() => phone.locator('.month-header').first().textContent()).toBe('March 2015');
    await saveScreenshot(phone, 'timeline-phone');
    await phone.close();
  });
});
