import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateImage,
  generateVideo,
  startBrowserStack,
  saveScreenshot,
  stopBrowserStack,
  watchConsole,
  type ConsoleWatch,
  type Stack,
  iPhone,
} from '@keepsake/testkit';
import type { ImageShape } from './support/domShapes.js';
import {
  onlyRefusedRequests,
  playerTime,
  signInThroughForm,
  thumbnailsDecoded,
  waitForSignInPage,
} from './support/signIn.js';

const anna = { login: 'anna', password: 'Kitchen#Table7' };

describe('the gallery, end to end', () => {
  let stack: Stack;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;
  const consoles: ConsoleWatch[] = [];

  const watched = (target: Page) => {
    consoles.push(watchConsole(target));
    return target;
  };

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      users: [{ username: anna.login, password: anna.password, fullName: 'Anna Berg' }],
      prepare: async (started) => {
        await generateImage({
          file: path.join(started.dirs.imports, 'garden.jpg'),
          width: 800,
          height: 600,
          format: 'jpeg',
          exif: { make: 'Apple', model: 'iPhone 13 mini', dateTaken: '2024:07:14 10:30:00' },
        });
        const video = path.join(started.dirs.imports, 'beach.mp4');
        await generateVideo({ file: video, width: 320, height: 240, seconds: 6 });
        const processed = await started.processImports();
        expect(processed.exitCode, processed.output).toBe(0);
      },
    }));
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = watched(await desktop.newPage());
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  it('signs in and shows the processed photo and video as real thumbnails', async () => {
    await page.goto(`${stack.baseUrl}/`);
    await page.waitForURL('**/sign-in');
    await expect.poll(() => page.getByLabel('Device name').inputValue()).toMatch(/^Chrom(e|ium) on Linux$/);
    // The built page carries the strict policy, so any inline script or style would be refused (and logged).
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(
      /script-src 'self'; style-src 'self';/,
    );
    await saveScreenshot(page, 'sign-in');

    await signInThroughForm(page, stack.baseUrl, { ...anna, deviceName: 'Living room PC' });
    await page.locator('a.tile').nth(1).waitFor();
    expect(await page.locator('a.tile').count()).toBe(2);
    await expect.poll(() => thumbnailsDecoded(page)).toEqual({ count: 2, decoded: 2 });
    expect(await page.locator('a.tile[data-type="video"] .tile-badge').innerText()).toMatch(/0:0[56]/);
    await saveScreenshot(page, 'gallery-desktop');
  });

  it('swaps in the animated preview while a video tile is hovered', async () => {
    const tile = page.locator('a.tile[data-type="video"]');
    expect(await tile.locator('img.tile-preview').count()).toBe(0);
    await tile.hover();
    const preview = tile.locator('img.tile-preview.ready');
    await preview.waitFor();
    expect(await preview.getAttribute('src')).toContain('/api/media/preview/');
    expect(await preview.evaluate((image) => (image as unknown as ImageShape).naturalWidth)).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await tile.locator('img.tile-preview').waitFor({ state: 'detached' });
  });

  it('opens a photo full size, with its details, and closes on Escape', async () => {
    await page.locator('a.tile[data-type="image"]').click();
    const dialog = page.getByRole('dialog', { name: 'garden.jpg' });
    await dialog.waitFor();
    const photo = dialog.locator('img.zoom-image');
    await expect
      .poll(() =>
        photo.evaluate((element) => {
          const image = element as unknown as ImageShape;
          return [image.naturalWidth, image.naturalHeight];
        }),
      )
      .toEqual([800, 600]);
    await dialog.getByRole('button', { name: 'Details' }).click();
    const details = dialog.getByRole('complementary', { name: 'Details' });
    expect(await details.innerText()).toMatch(/Dimensions\s+800 × 600/);
    await saveScreenshot(page, 'viewer-photo');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('plays a video: time passes 3 s and the HLS key was fetched with a valid token', async () => {
    const keyResponses: { url: string; status: number }[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/media/keys/'))
        keyResponses.push({ url: response.url(), status: response.status() });
    });
    await page.locator('a.tile[data-type="video"]').click();
    const video = page.getByRole('dialog', { name: 'beach.mp4' }).locator('video');
    await video.waitFor();
    await expect.poll(() => playerTime(page), { timeout: 60_000, interval: 250 }).toBeGreaterThan(3);
    await saveScreenshot(page, 'viewer-video');

    expect(keyResponses.length).toBeGreaterThan(0);
    for (const response of keyResponses) {
      expect(response.status).toBe(200);
      expect(new URL(response.url).searchParams.get('t')).toBeTruthy();
    }
    // The token is what let it through: the same key without it is refused.
    const bare = new URL(keyResponses[0]!.url);
    bare.search = '';
    expect((await fetch(bare)).status).toBeGreaterThanOrEqual(400);

    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('lays the gallery out in two columns on a phone, naming the device as the phone would', async () => {
    const phone = await browser.newContext(iPhone);
    const phonePage = watched(await phone.newPage());
    await phonePage.goto(`${stack.baseUrl}/`);
    await phonePage.waitForURL('**/sign-in');
    await expect.poll(() => phonePage.getByLabel('Device name').inputValue()).toBe('Safari on iPhone');
    await signInThroughForm(phonePage, stack.baseUrl, anna);
    await expect.poll(() => thumbnailsDecoded(phonePage)).toEqual({ count: 2, decoded: 2 });
    expect(await phonePage.locator('.grid-viewport').getAttribute('data-columns')).toBe('2');
    await saveScreenshot(phonePage, 'gallery-phone');
    await phone.close();
  });

  it('keeps two tabs signed in when both reload at once (refreshes are serialised)', async () => {
    const second = watched(await desktop.newPage());
    await second.goto(`${stack.baseUrl}/`);
    await second.locator('a.tile').first().waitFor();
    for (let round = 0; round < 3; round += 1) {
      await Promise.all([page.reload(), second.reload()]);
      await Promise.all([page.locator('a.tile').first().waitFor(), second.locator('a.tile').first().waitFor()]);
    }
    expect(page.url()).not.toContain('/sign-in');
    expect(second.url()).not.toContain('/sign-in');
    await second.close();
  });

  it('shows live progress while a new file is processed, then its tile', async () => {
    await generateVideo({ file: path.join(stack.dirs.imports, 'waves.mp4'), width: 320, height: 240, seconds: 3 });
    const processing = stack.processImports();
    const strip = page.getByRole('region', { name: 'Being processed' });
    await strip.getByText('waves.mp4').waitFor({ timeout: 60_000 });
    expect(await strip.locator('progress').count()).toBeGreaterThan(0);
    expect((await processing).exitCode).toBe(0);
    // The finished item arrives by itself: the library is refetched when the server says it is ready.
    await page.getByRole('link', { name: /waves\.mp4/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => thumbnailsDecoded(page)).toEqual({ count: 3, decoded: 3 });
  });

  it('stops playback and returns to sign-in when another device signs this one out', async () => {
    await page.getByRole('link', { name: /beach\.mp4/ }).click();
    await expect.poll(() => playerTime(page), { timeout: 60_000, interval: 250 }).toBeGreaterThan(0.5);

    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const otherPage = watched(await other.newPage());
    await signInThroughForm(otherPage, stack.baseUrl, { ...anna, deviceName: 'Kitchen laptop' });
    await otherPage.getByRole('link', { name: 'My devices' }).click();
    await otherPage.getByRole('button', { name: 'Sign out Living room PC' }).click();
    await otherPage.getByRole('button', { name: 'Sign out Living room PC' }).waitFor({ state: 'detached' });

    // The first browser's next request (the playback heartbeat, at most ~10 s away) is refused.
    await waitForSignInPage(page);
    expect(await page.locator('video').count()).toBe(0);
    expect(await page.getByRole('status').innerText()).toMatch(/signed out/i);
    await saveScreenshot(otherPage, 'devices');
    await other.close();
  });

  it('logged no console errors on any page (beyond the refusals after the sign-out)', () => {
    const errors = consoles.flatMap((watch) => watch.errors());
    expect(onlyRefusedRequests(errors, [401])).toEqual([]);
  });
});
