import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, saveScreenshot, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { playerTime, signInThroughForm } from './support/signIn.js';

/**
 * Issue 12 point 2 in Chromium: a 1080p source's 1080p rung reaches the player. hls.js's
 * automatic choice has it among its levels, and the quality menu offers it by name; picking it
 * plays 1920×1080 frames, fetched from the 1080p variant.
 */
describe('the 1080p rung in the player', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      members: [anna],
      videos: [{ name: 'wide.mp4', width: 1920, height: 1080, seconds: 12 }],
    }));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const frameHeight = () =>
    page
      .locator('video.player-video')
      .evaluate((element) => (element as unknown as { videoHeight: number }).videoHeight);

  it('offers 1080p in the quality menu, and picking it plays 1080p frames', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    // The variant of each segment fetched: /api/media/segment/<id>/g<n>/<variant>/<file>.
    const variants: string[] = [];
    page.on('request', (request) => {
      const match = /\/api\/media\/segment\/[^/]+\/g\d+\/([^/]+)\//.exec(request.url());
      if (match) variants.push(match[1]!);
    });
    await page.getByRole('link', { name: /wide\.mp4/ }).click();
    const viewer = page.getByRole('dialog', { name: 'wide.mp4' });
    const quality = viewer.getByLabel('Quality');
    await quality.waitFor();
    expect(await quality.locator('option').allTextContents()).toEqual([
      expect.stringMatching(/^Auto/),
      '1080p',
      '720p',
      '480p',
      '360p',
    ]);
    await expect.poll(() => playerTime(page), { timeout: 60_000, interval: 250 }).toBeGreaterThan(0.2);

    // Picked while it plays (hls.js switches at once, flushing what it had buffered).
    await quality.selectOption({ label: '1080p' });
    await expect.poll(frameHeight, { timeout: 60_000, interval: 250 }).toBe(1080);
    expect(variants).toContain('1080p');
    await saveScreenshot(page, 'player-1080p');
  });
});
