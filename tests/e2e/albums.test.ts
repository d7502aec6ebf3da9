import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, saveScreenshot, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

/** Newest first, as the gallery shows them. Anna uploaded the garden (uploads/<username>/), so she may trash it. */
const photos = [
  ['uploads/anna/garden.jpg', '2024:07:14 10:30:00'],
  ['beach.jpg', '2024:07:02 12:00:00'],
  ['harbour.jpg', '2023:06:02 18:00:00'],
  ['snow.jpg', '2023:01:20 09:00:00'],
] as const;
const names = photos.map(([name]) => path.basename(name));

/**
 * Household albums in the browser, as two members: Anna makes one from a selection on a
 * desktop, Ben (on a phone) sees it and adds an item from the viewer; renaming, the cover,
 * removing items and deleting the album work, and no photo is ever deleted.
 */
describe('albums in the gallery', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let phone: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({ members: [anna, ben], photos }));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const titles = (target: Page) =>
    target.locator('a.tile').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('title')));
  const check = (target: Page, name: string) => target.getByRole('button', { name: `Select ${name}`, exact: true });
  const mediaCount = async () =>
    Number(
      (
        await stack.database.db
          .selectFrom('media_files')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const nav = (target: Page, name: string) =>
    target.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const idOf = (target: Page, name: string) => target.locator(`a.tile[title="${name}"]`).getAttribute('data-id');

  it('A selects a range with shift-click and makes an album of it', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    await expect.poll(() => titles(page)).toEqual(names);

    await page.locator('a.tile[title="garden.jpg"]').hover();
    await check(page, 'garden.jpg').click();
    await page.getByRole('toolbar', { name: 'Selection' }).getByText('1 selected').waitFor();
    // In selection mode a click on a tile selects it; shift selects the range up to it.
    await page.locator('a.tile[title="harbour.jpg"]').click({ modifiers: ['Shift'] });
    await page.getByText('3 selected').waitFor();
    expect(await check(page, 'snow.jpg').getAttribute('aria-pressed')).toBe('false');
    expect(new URL(page.url()).searchParams.has('item')).toBe(false);
    await saveScreenshot(page, 'albums-selection');

    // `a` adds the selection to an album, here a new one.
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: 'Add 3 items to an album' });
    await dialog.getByLabel('New album name').fill('Summer');
    await dialog.getByRole('button', { name: 'Create and add' }).click();
    await page.getByRole('status').getByText('3 items added to Summer').waitFor();
    expect(await page.getByRole('toolbar', { name: 'Selection' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Summer' }).click();
    await page.getByRole('heading', { name: 'Summer', level: 1 }).waitFor();
    await expect.poll(() => titles(page)).toEqual(['garden.jpg', 'beach.jpg', 'harbour.jpg']);
    // Month headers, as in the gallery.
    expect(await page.locator('.month-header').allTextContents()).toEqual(['July 2024', 'June 2023']);
  });

  it('B sees the album on a phone and adds an item from the viewer', async () => {
    await signInThroughForm(phone, stack.baseUrl, ben);
    await nav(phone, 'Albums').click();
    const card = phone.getByRole('link', { name: /Summer/ });
    await card.waitFor();
    expect(await card.textContent()).toContain('3 items');
    await saveScreenshot(phone, 'albums-list-phone');

    await nav(phone, 'Gallery').click();
    await phone.locator('a.tile[title="snow.jpg"]').tap();
    const viewer = phone.getByRole('dialog', { name: 'snow.jpg' });
    await viewer.waitFor();
    await viewer.getByRole('button', { name: 'Add to album' }).tap();
    const picker = phone.getByRole('dialog', { name: 'Add 1 item to an album' });
    await picker.getByRole('button', { name: /Summer/ }).tap();
    await viewer.getByRole('status').getByText('In “Summer”').waitFor();
    await saveScreenshot(phone, 'albums-added-from-viewer-phone');
    await viewer.getByRole('button', { name: 'Close viewer' }).tap();

    await nav(phone, 'Albums').click();
    await card.tap();
    await expect.poll(() => titles(phone)).toEqual(names);

    // A long press on a phone starts selecting.
    await phone
      .locator('a.tile[title="beach.jpg"]')
      .dispatchEvent('pointerdown', { pointerType: 'touch', isPrimary: true });
    await phone.getByText('1 selected').waitFor();
    expect(await check(phone, 'beach.jpg').getAttribute('aria-pressed')).toBe('true');
    await phone.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Cancel' }).tap();
  });

  it('the viewer walks through the album only, and the album filter combines with search', async () => {
    await page.reload();
    await expect.poll(() => titles(page)).toHaveLength(4);
    await page.locator('a.tile[title="beach.jpg"]').click();
    const viewer = page.getByRole('dialog', { name: 'beach.jpg' });
    await viewer.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('dialog', { name: 'harbour.jpg' }).waitFor();
    await page.keyboard.press('Escape');

    const searched = page.waitForRequest((request) => {
      const url = new URL(request.url());
      return url.pathname === '/api/media/library' && url.searchParams.get('q') === 'harbour';
    });
    await page.getByRole('searchbox', { name: /Search/ }).fill('harbour');
    expect(new URL((await searched).url()).searchParams.get('album')).toBeTruthy();
    await expect.poll(() => titles(page)).toEqual(['harbour.jpg']);
    await page.getByRole('searchbox', { name: /Search/ }).press('Escape');
    await expect.poll(() => titles(page)).toHaveLength(4);
    // Letters typed into the search box are words; out of it, they are shortcuts again.
    await page.getByRole('searchbox', { name: /Search/ }).blur();
  });

  it('renames (e), picks a cover, removes items, and none of it deletes media', async () => {
    await page.keyboard.press('e');
    const rename = page.getByRole('dialog', { name: 'Rename the album' });
    await rename.getByLabel('Album name').fill('Summer days');
    await rename.getByLabel('Description (optional)').fill('Two summers by the sea');
    await rename.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Summer days', level: 1 }).waitFor();
    await page.getByText('Two summers by the sea').waitFor();

    // The cover is the first item until one is picked.
    const harbourId = await idOf(page, 'harbour.jpg');
    const gardenId = await idOf(page, 'garden.jpg');
    await page.keyboard.press('s');
    await page.locator('a.tile[title="harbour.jpg"]').click();
    await page.getByRole('button', { name: 'Use as cover' }).click();
    await page.getByText('The cover is changed.').waitFor();

    await page.keyboard.press('s');
    await page.locator('a.tile[title="beach.jpg"]').click();
    await page.locator('a.tile[title="snow.jpg"]').click();
    await page.getByRole('button', { name: 'Remove from album' }).click();
    await page.getByText('2 items removed from the album').waitFor();
    await expect.poll(() => titles(page)).toEqual(['garden.jpg', 'harbour.jpg']);
    expect(await mediaCount()).toBe(4);

    // B sees the new name, the chosen cover and the count.
    await nav(phone, 'Albums').click();
    const card = phone.getByRole('link', { name: /Summer days/ });
    await expect.poll(() => card.textContent()).toContain('2 items');
    expect(await card.locator('img').getAttribute('src')).toContain(`/api/media/thumbnail/${harbourId}`);
    await saveScreenshot(phone, 'albums-cover-phone');

    // Back to the default cover: the first item.
    await page.getByRole('button', { name: 'Default cover' }).click();
    await phone.reload();
    await expect.poll(() => card.locator('img').getAttribute('src')).toContain(`/api/media/thumbnail/${gardenId}`);
  });

  it('a trashed item leaves the album, its count and its cover, and comes back on restore', async () => {
    await page.keyboard.press('s');
    await page.locator('a.tile[title="garden.jpg"]').click();
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('status').getByText('moved to the Trash').waitFor();
    await expect.poll(() => titles(page)).toEqual(['harbour.jpg']);

    // B's Albums page: one item left, and the cover is no longer the trashed garden.
    const harbourId = await idOf(page, 'harbour.jpg');
    await phone.reload();
    const card = phone.getByRole('link', { name: /Summer days/ });
    await expect.poll(() => card.textContent()).toContain('1 item');
    expect(await card.locator('img').getAttribute('src')).toContain(`/api/media/thumbnail/${harbourId}`);

    await nav(page, 'Trash').click();
    await page.getByRole('checkbox', { name: /garden\.jpg/ }).click();
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('status').getByText('1 item restored to the library').waitFor();
    await nav(page, 'Albums').click();
    await page.getByRole('link', { name: /Summer days/ }).click();
    await expect.poll(() => titles(page)).toEqual(['garden.jpg', 'harbour.jpg']);
    expect(await mediaCount()).toBe(4);
  });

  it('deleting the album keeps every photo in the gallery', async () => {
    await page.getByRole('button', { name: 'Delete album' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Summer days”?' });
    await confirm.getByRole('button', { name: 'Delete album' }).click();
    await page.waitForURL('**/albums');
    await page.getByRole('heading', { name: 'No albums yet' }).waitFor();
    expect(await mediaCount()).toBe(4);

    await nav(page, 'Gallery').click();
    await expect.poll(() => titles(page)).toEqual(names);
    await phone.reload();
    await phone.getByRole('heading', { name: 'No albums yet' }).waitFor();
  });

  it('lists the shortcuts with ?', async () => {
    await page.keyboard.press('?');
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await list.getByText('Add the selected items to an album').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
  });

  it('on a 360 px phone every section of the top nav is on screen and a thumb opens Albums', async () => {
    const narrow = await (
      await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true })
    ).newPage();
    await signInThroughForm(narrow, stack.baseUrl, ben);
    await narrow.locator('a.tile').first().waitFor(); // the toolbar complete: count, Slideshow, Select
    const links = narrow.getByRole('navigation', { name: 'Main' }).getByRole('link');
    expect(await links.count()).toBeGreaterThanOrEqual(4);
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(box.height).toBeGreaterThanOrEqual(44); // a thumb's target
    }
    // Nothing on the page is wider than the screen: no sideways scrolling to find a section.
    const [width, wider] = await narrow
      .locator('html')
      .evaluate((html) => [
        html.scrollWidth,
        [...html.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > 360.5)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
      ]);
    expect(width, `wider than the screen: ${String(wider)}`).toBeLessThanOrEqual(360);
    await saveScreenshot(narrow, 'nav-360');
    await nav(narrow, 'Albums').tap();
    await narrow.waitForURL('**/albums');
    await narrow.close();
  });
});
