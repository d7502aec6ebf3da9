import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, saveScreenshot, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

/** Hearts in the browser: on the tile, in the viewer (button and `f`), in a Favourites view of one's own. */
describe('favourites in the gallery', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      members: [anna, ben],
      photos: [
        ['garden.jpg', '2024:07:14 10:30:00'],
        ['harbour.jpg', '2023:06:02 18:00:00'],
      ],
    }));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const heart = (target: Page, name: string) => target.getByRole('button', { name: `Favourite: ${name}` });

  it('hearts a photo from its tile; it shows in Favourites and stays hearted after a reload', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    await page.locator('a.tile').nth(1).waitFor();
    await page.locator('a.tile[title="harbour.jpg"]').hover();
    await heart(page, 'harbour.jpg').click();
    await expect.poll(() => heart(page, 'harbour.jpg').getAttribute('aria-pressed')).toBe('true');
    expect(await heart(page, 'garden.jpg').getAttribute('aria-pressed')).toBe('false');
    await saveScreenshot(page, 'favourites-tile-heart');

    await page.getByRole('link', { name: 'Favourites' }).click();
    await page.getByRole('heading', { name: 'Favourites' }).waitFor();
    await page.locator('a.tile').first().waitFor();
    expect(await page.locator('a.tile').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('title')))).toEqual([
      'harbour.jpg',
    ]);
    await page.reload();
    await page.locator('a.tile').first().waitFor();
    expect(await heart(page, 'harbour.jpg').getAttribute('aria-pressed')).toBe('true');
  });

  it('the viewer hearts with f and with its button, and the Favourites view follows', async () => {
    await page.goto(`${stack.baseUrl}/`);
    await page.locator('a.tile[title="garden.jpg"]').click();
    const viewer = page.getByRole('dialog', { name: 'garden.jpg' });
    await viewer.waitFor();
    await page.keyboard.press('f');
    await expect
      .poll(() => viewer.getByRole('button', { name: 'Favourite: garden.jpg' }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => heart(page, 'garden.jpg').getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('link', { name: 'Favourites' }).click();
    await expect.poll(() => page.locator('a.tile').count()).toBe(2);
    await page.locator('a.tile[title="harbour.jpg"]').click();
    await page
      .getByRole('dialog', { name: 'harbour.jpg' })
      .getByRole('button', { name: 'Favourite: harbour.jpg' })
      .click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('a.tile').count()).toBe(1);
    expect(await page.locator('a.tile').first().getAttribute('title')).toBe('garden.jpg');
  });

  it("one person's favourites are not another's", async () => {
    const other = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
    await signInThroughForm(other, stack.baseUrl, ben);
    await other.locator('a.tile').nth(1).waitFor();
    expect(await heart(other, 'garden.jpg').getAttribute('aria-pressed')).toBe('false');
    await other.getByRole('link', { name: 'Favourites' }).click();
    await other.getByRole('heading', { name: 'No favourites yet' }).waitFor();
    await saveScreenshot(other, 'favourites-empty-phone');
    await other.close();
  });
});
