import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  saveScreenshot,
  startBrowserStack,
  stopBrowserStack,
  writeLiveMotion,
  writeLiveStill,
  type Stack,
  iPhone,
} from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

const anna = { login: 'anna', password: 'Kitchen#Table7' };
const contentIdentifier = '3F2504E0-4F89-11D3-9A0C-0305E82C3301';

interface MotionState {
  paused: boolean;
  played: number;
  currentTime: number;
  muted: boolean;
}

/** What the viewer's motion element is doing. */
const motionState = (page: Page) =>
  page.locator('.live-motion').evaluate((element) => {
    const video = element as unknown as {
      paused: boolean;
      played: { length: number };
      currentTime: number;
      muted: boolean;
    };
    return { paused: video.paused, played: video.played.length, currentTime: video.currentTime, muted: video.muted };
  }) as Promise<MotionState>;

async function openLivePhoto(page: Page) {
  const tile = page.locator('a.tile[aria-label="Live Photo: IMG_0042.HEIC"]');
  await expect.poll(() => tile.locator('.tile-live').textContent()).toBe('LIVE');
  await tile.click();
  const dialog = page.getByRole('dialog', { name: 'IMG_0042.HEIC' });
  await dialog.locator('.live-button').waitFor();
  await dialog.locator('.zoom-image').waitFor();
  return dialog;
}

/**
 * A Live Photo end to end: the still and its MOV (made here, with Apple's content identifier in
 * each) dropped one after the other become one photo; the gallery shows one tile with a LIVE
 * badge and no video tile; in the viewer the motion plays over the still, muted and once, on
 * hover with a mouse and on a long press with a finger.
 */
describe('Live Photos, end to end', () => {
  let stack: Stack;
  let browser: Browser;
  let work: string;

  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-live-'));
    const still = { width: 640, height: 480, format: 'heic' as const, contentIdentifier };
    await writeLiveStill({ file: path.join(work, 'IMG_0042.HEIC'), ...still });
    await writeLiveMotion({
      file: path.join(work, 'IMG_0042.MOV'),
      width: 640,
      height: 480,
      seconds: 2,
      contentIdentifier,
    });
    ({ stack, browser } = await startBrowserStack({
      users: [{ username: anna.login, password: anna.password, fullName: 'Anna Berg' }],
      prepare: async (started) => {
        // The still first, its MOV only after the still is an item.
        for (const name of ['IMG_0042.HEIC', 'IMG_0042.MOV']) {
          await fs.copyFile(path.join(work, name), path.join(started.dirs.imports, name));
          const processed = await started.processImports();
          expect(processed.exitCode, processed.output).toBe(0);
        }
      },
    }));
  });

  afterAll(async () => {
    await stopBrowserStack({ stack, browser });
    await fs.rm(work, { recursive: true, force: true });
  });

  async function signedIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await signInThroughForm(page, stack.baseUrl, anna);
    return page;
  }

  it('shows one tile with a LIVE badge, and hovering the photo plays its motion once, muted', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await signedIn(context);
    await page.locator('a.tile').first().waitFor();
    expect(await page.locator('a.tile').count()).toBe(1);
    expect(await page.locator('a.tile[data-type="video"]').count()).toBe(0);
    await saveScreenshot(page, 'live-photo-tile');
    const dialog = await openLivePhoto(page);
    const motion = dialog.locator('.live-motion');
    expect(await motion.getAttribute('src')).toMatch(/^\/api\/media\/motion\/[0-9a-f-]+\?t=/);

    const stage = (await dialog.locator('.viewer-stage').boundingBox())!;
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2, { steps: 3 });
    await expect.poll(async () => (await motionState(page)).played, { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await motionState(page)).muted).toBe(true);
    await saveScreenshot(page, 'live-photo-hover');
    // Once: it ends by itself, and the still shows again.
    await dialog.locator('.live-photo:not([data-playing])').waitFor({ timeout: 15_000 });
    const ended = await motionState(page);
    expect(ended.paused).toBe(true);
    expect(ended.currentTime).toBeGreaterThan(1);
    await context.close();
  });

  it('a long press on a phone plays the motion, and so does the LIVE button', async () => {
    const context = await browser.newContext(iPhone);
    const page = await signedIn(context);
    const dialog = await openLivePhoto(page);
    const stage = (await dialog.locator('.viewer-stage').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const point = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    // Held until it plays: the press is long by the time the motion has started.
    await dialog.locator('.live-photo[data-playing]').waitFor({ timeout: 15_000 });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(async () => (await motionState(page)).played, { timeout: 15_000 }).toBeGreaterThan(0);
    await dialog.locator('.live-photo:not([data-playing])').waitFor({ timeout: 15_000 });

    await dialog.locator('.live-button').tap();
    await dialog.locator('.live-photo[data-playing]').waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'live-photo-phone');
    await context.close();
  });
});
