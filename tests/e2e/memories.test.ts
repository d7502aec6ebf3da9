import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, saveScreenshot, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

/** The browser's today, held still so the test never straddles a midnight. */
const today = new Date('2026-06-15T12:00:00Z');

/** On this day in Chromium: a strip of earlier years' 15 Junes, opening a slideshow. */
describe('On this day', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      members: [anna],
      photos: [
        ['last-june.jpg', '2025:06:15 09:00:00'],
        ['last-june-evening.jpg', '2025:06:15 19:00:00'],
        ['seven-years.jpg', '2019:06:15 11:00:00'],
        ['the-day-before.jpg', '2025:06:14 11:00:00'],
      ],
    }));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
    await context.clock.setFixedTime(today);
    page = await context.newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  it('shows the earlier years of this day, grouped by years ago, and plays them as a slideshow', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    const strip = page.getByRole('region', { name: 'On this day' });
    await strip.waitFor();
    expect((await strip.locator('.memory-label').allTextContents()).map((label) => label.trim())).toEqual([
      '1 year ago · 2025',
      '7 years ago · 2019',
    ]);
    await saveScreenshot(page, 'memories-on-this-day');

    await strip.getByRole('button', { name: /^1 year ago: 2 items/ }).click();
    const show = page.getByRole('dialog', { name: 'On this day' });
    await show.waitFor();
    await expect.poll(() => show.getByText('1 of 3').count()).toBe(1);
    expect(await show.locator('.slideshow-caption').textContent()).toBe('1 year ago');
    await page.keyboard.press(' ');
    await show.getByRole('button', { name: 'Play' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => show.getByText('3 of 3').count()).toBe(1);
    expect(await show.locator('.slideshow-caption').textContent()).toBe('7 years ago');
    await show.locator('img.slide-photo').waitFor();
    await saveScreenshot(page, 'memories-slideshow');
    await page.keyboard.press('Escape');
    await show.waitFor({ state: 'detached' });
  });

  it('shows no strip on a day nothing was taken', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
    await context.clock.setFixedTime(new Date('2026-03-03T12:00:00Z'));
    const other = await context.newPage();
    const memories = other.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/media/library/on-this-day',
    );
    await signInThroughForm(other, stack.baseUrl, anna);
    const answer = await memories;
    expect(new URL(answer.url()).searchParams.get('date')).toBe('2026-03-03');
    expect(await answer.json()).toEqual({ groups: [] });
    await other.locator('a.tile').nth(3).waitFor();
    expect(await other.locator('.memories-strip').count()).toBe(0);
    await context.close();
  });

  it('plays the gallery as a slideshow: pause, interval, arrows and a swipe', async () => {
    await page.goto(`${stack.baseUrl}/`);
    await page.locator('a.tile').nth(3).waitFor();
    await page.getByRole('button', { name: 'Slideshow', exact: true }).click();
    const show = page.getByRole('dialog', { name: 'Slideshow' });
    await show.waitFor();
    await show.getByRole('button', { name: 'Pause' }).click();
    await show.getByRole('button', { name: 'Play' }).waitFor();
    await show.getByLabel('Seconds per photo').selectOption('10');
    await expect.poll(() => show.getByText('1 of 4').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => show.getByText('2 of 4').count()).toBe(1);

    // A swipe to the left, as a finger (or a dragged mouse) would.
    const stage = (await show.locator('.slideshow-stage').boundingBox())!;
    const y = stage.y + stage.height / 2;
    await page.mouse.move(stage.x + stage.width * 0.7, y);
    await page.mouse.down();
    await page.mouse.move(stage.x + stage.width * 0.3, y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => show.getByText('3 of 4').count()).toBe(1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => show.getByText('2 of 4').count()).toBe(1);
    await page.keyboard.press('Escape');
    await show.waitFor({ state: 'detached' });
  });
});
