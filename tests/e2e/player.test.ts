import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generationDir, MASTER_PLAYLIST } from '@keepsake/contracts';
import { anna, saveScreenshot, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { playerTime, signInThroughForm } from './support/signIn.js';

/** What the tests read of the player's video element inside the page (no DOM types in Node). */
interface PlayerShape {
  playbackRate: number;
  readyState: number;
}

/** Issue 12 point 6 and issue 11's `f` clash, in Chromium: the player's speed, PiP, full screen, keys, poster and errors. */
describe('the video player', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      members: [anna],
      // Tiny clips of different lengths (the library deduplicates by content).
      videos: [
        { name: 'river.mp4', width: 320, height: 240, seconds: 6 },
        { name: 'broken.mp4', width: 320, height: 240, seconds: 3 },
      ],
    }));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const dialog = (name: string) => page.getByRole('dialog', { name });
  const video = () => page.locator('video.player-video');
  const readVideo = () =>
    video().evaluate((element) => {
      const { playbackRate, readyState } = element as unknown as PlayerShape;
      return { playbackRate, readyState };
    });
  const rate = async () => (await readVideo()).playbackRate;
  const inPage = <T>(script: string) => page.evaluate<T>(script);

  it('shows the poster until the first frame, then the video plays', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    // Segments wait until released, so the moment before the first frame lasts.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/media/segment/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('link', { name: /river\.mp4/ }).click();
    const poster = dialog('river.mp4').locator('img.player-poster');
    await poster.waitFor({ state: 'visible' });
    expect((await readVideo()).readyState).toBeLessThan(2);
    expect(
      await poster.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    await saveScreenshot(page, 'player-poster');

    release();
    await expect.poll(() => playerTime(page), { timeout: 60_000, interval: 250 }).toBeGreaterThan(0.5);
    await poster.waitFor({ state: 'detached' });
    await page.unroute('**/api/media/segment/**');
  });

  it('changes speed from the menu and with < and >', async () => {
    await dialog('river.mp4').getByLabel('Speed').selectOption('1.5');
    expect(await rate()).toBe(1.5);
    await page.locator('body').press('>');
    expect(await rate()).toBe(2);
    await page.locator('body').press('<');
    await page.locator('body').press('<');
    expect(await rate()).toBe(1.25);
    expect(await dialog('river.mp4').getByLabel('Speed').inputValue()).toBe('1.25');
    await saveScreenshot(page, 'player-controls');
  });

  it('offers picture-in-picture where Chromium has it, and enters it', async () => {
    const supported = await inPage<boolean>('document.pictureInPictureEnabled');
    const button = dialog('river.mp4').getByRole('button', { name: 'Picture in picture' });
    expect(await button.count()).toBe(supported ? 1 : 0);
    if (!supported) return;
    await button.click();
    await expect.poll(() => inPage<boolean>('document.pictureInPictureElement !== null')).toBe(true);
    await page.locator('body').press('p');
    await expect.poll(() => inPage<boolean>('document.pictureInPictureElement === null')).toBe(true);
  });

  it('goes full screen on Shift+F, while f still favourites the video', async () => {
    const heart = dialog('river.mp4').getByRole('button', { name: 'Favourite: river.mp4' });
    expect(await heart.getAttribute('aria-pressed')).toBe('false');
    await page.locator('body').press('f');
    await expect.poll(() => heart.getAttribute('aria-pressed')).toBe('true');
    expect(await inPage<boolean>('document.fullscreenElement === null')).toBe(true);

    await page.locator('body').press('Shift+F');
    await expect
      .poll(() => inPage<string | null>('document.fullscreenElement && document.fullscreenElement.className'))
      .toBe('player');
    await page.locator('body').press('Shift+F');
    await expect.poll(() => inPage<boolean>('document.fullscreenElement === null')).toBe(true);
    expect(await heart.getAttribute('aria-pressed')).toBe('true');
  });

  it('lists the player keys in the ? overlay', async () => {
    await page.locator('body').press('?');
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await list.waitFor();
    const player = list.locator('section', { has: page.getByRole('heading', { name: 'Video player' }) });
    const text = await player.innerText();
    expect(text).toMatch(/Shift \+ F\s+Full screen/);
    expect(text).toMatch(/p\s+Picture in picture/);
    expect(text).toMatch(/< \/ >\s+Slower \/ faster/);
    expect(text).not.toMatch(/^f\s/m);
    const viewer = list.locator('section', { has: page.getByRole('heading', { name: 'Viewer' }) });
    expect(await viewer.innerText()).toMatch(/f\s+Favourite \(in a video too\)/);
    await saveScreenshot(page, 'player-shortcuts');
    await list.getByRole('button', { name: 'Close' }).click();
    await list.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await dialog('river.mp4').waitFor({ state: 'detached' });
  });

  it('says clearly, with the server’s error code, when a stream cannot play', async () => {
    // The master playlist of broken.mp4 (the 3-second clip: one segment) is gone from disk,
    // so the server answers 404 MEDIA_001.
    const videos = path.join(stack.dirs.assets, 'videos');
    let removed = 0;
    for (const id of await fs.readdir(videos)) {
      const dir = path.join(stack.dirs.assets, generationDir('videos', id, 1));
      const variant = (await fs.readdir(dir)).find((name) => /^\d+p$/.test(name))!;
      const segments = (await fs.readdir(path.join(dir, variant))).filter((name) => name.endsWith('.ts'));
      if (segments.length === 1) {
        await fs.rm(path.join(dir, MASTER_PLAYLIST));
        removed += 1;
      }
    }
    expect(removed).toBe(1);

    await page.getByRole('link', { name: /broken\.mp4/ }).click();
    const alert = dialog('broken.mp4').getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/could not be found/);
    expect(await alert.innerText()).toMatch(/Error code: MEDIA_001/);
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await saveScreenshot(page, 'player-error');
  });
});
