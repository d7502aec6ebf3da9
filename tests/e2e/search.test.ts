import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, saveScreenshot, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

/** The search box in the browser: words and dates, the query in the address, captions found. */
describe('gallery search', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      members: [anna],
      photos: [
        ['garden.jpg', '2024:07:14 10:30:00'],
        ['harbour.jpg', '2023:06:02 18:00:00'],
        ['harbour-night.jpg', '2023:08:20 22:00:00'],
      ],
    }));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const box = () => page.getByRole('searchbox', { name: /Search/ });
  const titles = () => page.locator('a.tile').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('title')).sort());

  it('typing narrows the gallery, the query goes in the address, and Back brings it back', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    await expect.poll(() => page.locator('a.tile').count()).toBe(3);

    // `/` jumps to the box.
    await page.keyboard.press('/');
    expect(await box().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type('harbour');
    await expect.poll(titles).toEqual(['harbour-night.jpg', 'harbour.jpg']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('harbour');

    await box().fill('harbour June 2023');
    await expect.poll(titles).toEqual(['harbour.jpg']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('harbour June 2023');
    await saveScreenshot(page, 'search-results');

    // Away and Back: the same search, in the box and in the grid.
    await page.getByRole('link', { name: 'Favourites' }).click();
    await page.getByRole('heading', { name: 'Favourites', exact: true }).waitFor();
    await page.goBack();
    await expect.poll(() => box().inputValue()).toBe('harbour June 2023');
    await expect.poll(titles).toEqual(['harbour.jpg']);

    // A shared link opens the same search.
    const other = await browser.contexts()[0]!.newPage();
    await other.goto(page.url());
    await expect
      .poll(() => other.locator('a.tile').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('title'))))
      .toEqual(['harbour.jpg']);
    await other.close();

    await box().fill('nothing-like-this');
    await page.getByRole('heading', { name: /Nothing matches/ }).waitFor();

    // Escape clears: the whole gallery again.
    await box().press('Escape');
    await expect.poll(() => page.locator('a.tile').count()).toBe(3);
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
  });

  it('a caption written in the viewer is found by the search', async () => {
    await page.locator('a.tile[title="garden.jpg"]').click();
    const viewer = page.getByRole('dialog', { name: 'garden.jpg' });
    await viewer.waitFor();
    await page.keyboard.press('i');
    await viewer.getByRole('button', { name: 'Add a caption' }).click();
    await viewer.getByRole('textbox', { name: 'Caption' }).fill('Picnic with Gran under the apple tree');
    await viewer.getByRole('button', { name: 'Save' }).click();
    await viewer.getByText('Picnic with Gran under the apple tree').waitFor();
    await saveScreenshot(page, 'search-caption');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    await box().fill('gran picnic');
    await expect.poll(titles).toEqual(['garden.jpg']);

    // And after a reload the caption is still there.
    await page.reload();
    await expect.poll(titles).toEqual(['garden.jpg']);
    await page.locator('a.tile[title="garden.jpg"]').click();
    const reopened = page.getByRole('dialog', { name: 'garden.jpg' });
    await reopened.waitFor();
    await reopened.getByRole('button', { name: 'Details' }).click();
    await reopened.getByText('Picnic with Gran under the apple tree').waitFor();
  });
});
