import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, saveScreenshot, startBrowserStack, stopBrowserStack, type Stack, iPhone } from '@keepsake/testkit';
import { playerTime, signInThroughForm } from './support/signIn.js';

/** What the tests read of the video element inside the page (no DOM types in Node). */
interface VideoState {
  paused: boolean;
  muted: boolean;
  volume: number;
  currentTime: number;
  controls: boolean;
}

const SECONDS = 30;
/** The player's hide delay (web/src/player/useControlsVisibility.ts), and a little more. */
const PAST_HIDE_DELAY = 3_500;

/**
 * The player's own control bar in Chromium (the video has no native controls): play/pause from
 * the button, the picture and the keys; mute and volume; the time; hiding while playing and
 * coming back; every control on a 390 px phone at least 44 px; and the buttons' keys as the
 * `?` list has them. The hide timer runs on Playwright's clock (fast-forwarded, never waited).
 */
describe('the player’s control bar', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      members: [anna],
      videos: [{ name: 'lake.mp4', width: 320, height: 240, seconds: SECONDS }],
    }));
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    // Time flows as usual; the tests only jump it forward to pass the hide delay.
    await page.clock.install();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const dialog = (on: Page) => on.getByRole('dialog', { name: 'lake.mp4' });
  const bar = (on: Page) => dialog(on).getByRole('group', { name: 'Video controls' });
  const player = (on: Page) => dialog(on).locator('.player');
  const video = (on: Page) => on.locator('video.player-video');
  const state = (on: Page) =>
    video(on).evaluate((element) => {
      const { paused, muted, volume, currentTime, controls } = element as unknown as VideoState;
      return { paused, muted, volume, currentTime, controls };
    });
  const controlsAttribute = (on: Page) => player(on).getAttribute('data-controls');

  async function openPlaying(on: Page): Promise<void> {
    // The gallery's tile (a Continue watching card may name it too once it was played).
    await on.getByRole('link', { name: /^Video, .*: lake\.mp4$/ }).click();
    await bar(on).waitFor();
    await expect.poll(() => playerTime(on), { timeout: 60_000, interval: 250 }).toBeGreaterThan(0.3);
  }

  it('plays and pauses from its button and a click on the picture, and shows the time', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    await openPlaying(page);
    expect((await state(page)).controls).toBe(false);
    expect(await dialog(page).getByRole('slider', { name: 'Seek' }).count()).toBe(1);

    await bar(page).getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await state(page)).paused).toBe(true);
    const button = bar(page).getByRole('button', { name: 'Play', exact: true });
    await button.waitFor();
    expect(await button.getAttribute('title')).toBe('Play (k)');

    // The time reads the video's own position (whole seconds gone) and its length.
    const at = (await state(page)).currentTime;
    expect(await bar(page).locator('.player-time').innerText()).toBe(`0:0${Math.floor(at)} / 0:${SECONDS}`);
    await video(page).evaluate((element) => {
      (element as unknown as VideoState).currentTime = 12.7;
    });
    await expect.poll(() => bar(page).locator('.player-time').innerText()).toBe(`0:12 / 0:${SECONDS}`);

    await video(page).click();
    await expect.poll(async () => (await state(page)).paused).toBe(false);
    await bar(page).getByRole('button', { name: 'Pause' }).waitFor();
    await video(page).click();
    await expect.poll(async () => (await state(page)).paused).toBe(true);
    await saveScreenshot(page, 'player-bar-desktop');
  });

  it('mutes from its button and with m, and sets the volume with the slider', async () => {
    const mute = bar(page).getByRole('button', { name: 'Mute' });
    await mute.click();
    await expect.poll(async () => (await state(page)).muted).toBe(true);
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    await page.locator('body').press('m');
    await expect.poll(async () => (await state(page)).muted).toBe(false);
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('false');

    const volume = bar(page).getByRole('slider', { name: 'Volume' });
    await volume.fill('0.5');
    await expect.poll(async () => (await state(page)).volume).toBe(0.5);
    await volume.fill('0');
    await expect.poll(async () => (await state(page)).muted).toBe(true);
    await mute.click();
    await expect.poll(async () => (await state(page)).muted).toBe(false);
    await volume.fill('1');
    await expect.poll(async () => (await state(page)).volume).toBe(1);
  });

  it('hides while playing with no mouse about, and comes back on a move or on focus', async () => {
    expect(await controlsAttribute(page)).toBe('shown');
    // Paused, the bar stays however long nobody moves.
    await page.clock.fastForward(PAST_HIDE_DELAY * 3);
    expect(await controlsAttribute(page)).toBe('shown');

    const picture = (await video(page).boundingBox())!;
    await video(page).click();
    await expect.poll(async () => (await state(page)).paused).toBe(false);
    await page.mouse.move(picture.x + picture.width / 2 + 10, picture.y + picture.height / 3);
    await expect
      .poll(async () => {
        await page.clock.fastForward(PAST_HIDE_DELAY);
        return controlsAttribute(page);
      })
      .toBe('hidden');
    await saveScreenshot(page, 'player-bar-hidden');

    await page.mouse.move(picture.x + picture.width / 2 - 40, picture.y + picture.height / 2);
    await expect.poll(() => controlsAttribute(page)).toBe('shown');
    await expect
      .poll(async () => {
        await page.clock.fastForward(PAST_HIDE_DELAY);
        return controlsAttribute(page);
      })
      .toBe('hidden');

    // An open menu keeps the bar; once a speed is chosen it may go again.
    await page.mouse.move(picture.x + picture.width / 2, picture.y + picture.height / 2);
    await expect.poll(() => controlsAttribute(page)).toBe('shown');
    const speed = bar(page).getByLabel('Speed');
    await speed.click();
    await page.clock.fastForward(PAST_HIDE_DELAY * 3);
    expect(await controlsAttribute(page)).toBe('shown');
    await speed.selectOption('1');
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.mouse.move(picture.x + picture.width / 2, picture.y + picture.height / 3);
    await expect
      .poll(async () => {
        await page.clock.fastForward(PAST_HIDE_DELAY);
        return controlsAttribute(page);
      })
      .toBe('hidden');

    // Keyboard focus in the bar brings it back and keeps it.
    // (Tab from play/pause to Mute: a button, where the player's keys still work.)
    await bar(page).getByRole('button', { name: 'Pause' }).focus();
    await page.keyboard.press('Tab');
    expect(
      await bar(page)
        .getByRole('button', { name: 'Mute' })
        .evaluate((button) => (button as unknown as { matches(selector: string): boolean }).matches(':focus-visible')),
    ).toBe(true);
    await expect.poll(() => controlsAttribute(page)).toBe('shown');
    await page.clock.fastForward(PAST_HIDE_DELAY * 3);
    expect(await controlsAttribute(page)).toBe('shown');
    expect((await state(page)).paused).toBe(false);
    await page.keyboard.press('k');
    await expect.poll(async () => (await state(page)).paused).toBe(true);
  });

  it('stays over the picture in full screen', async () => {
    await page.locator('body').press('Shift+F');
    const fullscreen = bar(page).getByRole('button', { name: 'Full screen' });
    await expect.poll(() => fullscreen.getAttribute('aria-pressed')).toBe('true');
    expect(
      await bar(page).evaluate((element) => {
        const doc = (element as unknown as { ownerDocument: { fullscreenElement: unknown } }).ownerDocument;
        return (doc.fullscreenElement as { contains(node: unknown): boolean } | null)?.contains(element) ?? false;
      }),
    ).toBe(true);
    expect(await bar(page).isVisible()).toBe(true);
    await saveScreenshot(page, 'player-bar-fullscreen');
    await fullscreen.click();
    await expect.poll(() => fullscreen.getAttribute('aria-pressed')).toBe('false');
  });

  it('agrees with the keys: each button’s key works and is in the ? list', async () => {
    // Focus leaves the bar (a focused button takes Space for itself, as buttons do).
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    const play = bar(page).getByRole('button', { name: 'Play', exact: true });
    await page.locator('body').press('k');
    await bar(page).getByRole('button', { name: 'Pause' }).waitFor();
    await page.locator('body').press(' ');
    await play.waitFor();

    const before = (await state(page)).currentTime;
    await page.locator('body').press('ArrowRight');
    await expect.poll(async () => (await state(page)).currentTime).toBeCloseTo(before + 5, 0);
    await expect
      .poll(async () => Number(await dialog(page).getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow')))
      .toBe(Math.round(before + 5));
    await page.locator('body').press('>');
    expect(await bar(page).getByLabel('Speed').inputValue()).toBe('1.25');
    await page.locator('body').press('<');
    expect(await bar(page).getByLabel('Speed').inputValue()).toBe('1');

    const titled = await bar(page)
      .locator('button[title]')
      .evaluateAll((buttons) =>
        buttons.map((button) => ({
          name: (button as unknown as { ariaLabel: string }).ariaLabel,
          title: (button as unknown as { title: string }).title,
        })),
      );
    expect(titled.map((button) => button.name)).toEqual(expect.arrayContaining(['Play', 'Mute', 'Full screen']));

    await page.locator('body').press('?');
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await list.waitFor();
    const section = list.locator('section', { has: page.getByRole('heading', { name: 'Video player' }) });
    const keys = (await section.innerText()).replace(/\s+/g, '');
    for (const { name, title } of titled) {
      const key = /\((.+)\)$/.exec(title)?.[1];
      expect(key, title).toBeTruthy();
      // "Full screen (Shift+F)" ↔ "Shift + F | Full screen"; "Play (k)" ↔ "Space / k | Play or pause".
      expect(keys, title).toContain(`${key!.replace(/\s+/g, '')}${name.replace(/\s+/g, '')}`);
    }
    await list.getByRole('button', { name: 'Close' }).click();
    await list.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    await context.close();
  });

  it('on a 390 px phone: every control on screen and a thumb’s size, a tap shows and hides the bar', async () => {
    const phone = await browser.newContext(iPhone);
    const mobile = await phone.newPage();
    await mobile.clock.install();
    await signInThroughForm(mobile, stack.baseUrl, anna);
    await openPlaying(mobile);
    // Paused, so the bar stays for the measuring.
    await mobile.keyboard.press('k');
    await expect.poll(async () => (await state(mobile)).paused).toBe(true);
    // It resumed where the desktop stopped; from the start, it cannot end (and keep its bar) mid-test.
    await video(mobile).evaluate((element) => {
      (element as unknown as VideoState).currentTime = 0;
    });

    const controls = bar(mobile).locator('button, select, input, [role="slider"]');
    const boxes: { name: string; x: number; y: number; width: number; height: number }[] = [];
    for (const control of await controls.all()) {
      if (!(await control.isVisible())) continue;
      const name =
        (await control.getAttribute('aria-label')) ??
        (await control.evaluate((element) => (element as unknown as { id: string }).id));
      boxes.push({ name, ...(await control.boundingBox())! });
    }
    const names = boxes.map((box) => box.name);
    expect(names).toEqual(expect.arrayContaining(['Seek', 'Play', 'Mute', 'Full screen']));
    // The volume is the phone's own buttons.
    expect(names).not.toContain('Volume');
    expect(await bar(mobile).getByLabel('Speed').isVisible()).toBe(true);
    for (const box of boxes) {
      expect(box.width, box.name).toBeGreaterThanOrEqual(44);
      expect(box.height, box.name).toBeGreaterThanOrEqual(44);
      expect(box.x, box.name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, box.name).toBeLessThanOrEqual(390);
      expect(box.y + box.height, box.name).toBeLessThanOrEqual(844);
    }
    await saveScreenshot(mobile, 'player-bar-phone');

    // A tap on the picture shows the bar (and does not play); playing, a tap hides it and one more brings it back.
    await video(mobile).tap();
    expect(await controlsAttribute(mobile)).toBe('shown');
    expect((await state(mobile)).paused).toBe(true);
    await bar(mobile).getByRole('button', { name: 'Play', exact: true }).tap();
    await expect.poll(async () => (await state(mobile)).paused).toBe(false);
    await video(mobile).tap();
    await expect.poll(() => controlsAttribute(mobile)).toBe('hidden');
    await video(mobile).tap();
    await expect.poll(() => controlsAttribute(mobile)).toBe('shown');
    await expect
      .poll(async () => {
        await mobile.clock.fastForward(PAST_HIDE_DELAY);
        return controlsAttribute(mobile);
      })
      .toBe('hidden');
    await phone.close();
  });
});
