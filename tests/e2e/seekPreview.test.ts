import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateVideo,
  runTool,
  saveScreenshot,
  startBrowserStack,
  stopBrowserStack,
  type Stack,
  iPhone,
} from '@keepsake/testkit';
import { playerTime, signInThroughForm } from './support/signIn.js';

const anna = { login: 'anna', password: 'Kitchen#Table7' };
const SECONDS = 20;

type Rgb = number[];
interface PageGlobals {
  document: { documentElement: { scrollWidth: number } };
}

async function meanColour(picture: Buffer): Promise<Rgb> {
  const { channels } = await sharp(picture).stats();
  return channels.slice(0, 3).map((c) => c.mean);
}

const distance = (a: Rgb, b: Rgb) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

/** The frame ffmpeg takes from the source at a moment, as its mean colour. */
async function sourceColour(source: string, seconds: number, dir: string): Promise<Rgb> {
  const frame = path.join(dir, `frame-${seconds}.png`);
  await runTool('ffmpeg', ['-v', 'error', '-ss', String(seconds), '-i', source, '-frames:v', '1', '-y', frame]);
  return meanColour(await fs.readFile(frame));
}

/** What the preview shows: its picture (inside the 1 px border) as a mean colour, once its sheet has loaded. */
async function previewColour(page: Page): Promise<Rgb> {
  const frame = page.locator('.seek-preview-frame');
  await frame.waitFor();
  const shot = await frame.screenshot();
  const { width, height } = await sharp(shot).metadata();
  const inset = Math.ceil(width! / 20);
  return meanColour(
    await sharp(shot)
      .extract({ left: inset, top: inset, width: width! - 2 * inset, height: height! - 2 * inset })
      .png()
      .toBuffer(),
  );
}

async function openVideo(page: Page): Promise<Locator> {
  await page.locator('a.tile[data-type="video"]').click();
  const dialog = page.getByRole('dialog', { name: 'hues.mp4' });
  const bar = dialog.locator('.seek-bar');
  await bar.waitFor();
  return bar;
}

/**
 * Seek-bar previews in Chromium: a clip whose colour turns round the hue circle over 20 s, so
 * each moment has its own colour; the preview at 50 % must look like the frame ffmpeg takes at
 * 10 s (cyan) and not like the start (red).
 */
describe('seek-bar previews, end to end', () => {
  let stack: Stack;
  let browser: Browser;
  let work: string;
  let atMiddle: Rgb;
  let atStart: Rgb;

  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-seek-'));
    const source = await generateVideo({
      file: path.join(work, 'hues.mp4'),
      width: 320,
      height: 180,
      seconds: SECONDS,
      fps: 4,
      hueSweep: true,
      audio: false,
    });
    atMiddle = await sourceColour(source, SECONDS / 2, work);
    atStart = await sourceColour(source, 0, work);
    expect(distance(atMiddle, atStart)).toBeGreaterThan(100);
    ({ stack, browser } = await startBrowserStack({
      users: [{ username: anna.login, password: anna.password, fullName: 'Anna Berg' }],
      prepare: async (started) => {
        await fs.copyFile(source, path.join(started.dirs.imports, 'hues.mp4'));
        const processed = await started.processImports();
        expect(processed.exitCode, processed.output).toBe(0);
      },
    }));
  });

  afterAll(async () => {
    await stopBrowserStack({ stack, browser });
    await fs.rm(work, { recursive: true, force: true });
  });

  it('hovering the seek bar at 50 % shows the frame near 50 %', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInThroughForm(page, stack.baseUrl, anna);
    const bar = await openVideo(page);
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 4 });
    expect(Number(await page.locator('.seek-preview').getAttribute('data-time'))).toBe(SECONDS / 2);
    await expect.poll(async () => distance(await previewColour(page), atMiddle), { timeout: 15_000 }).toBeLessThan(40);
    expect(distance(await previewColour(page), atStart)).toBeGreaterThan(100);
    await saveScreenshot(page, 'seek-preview-desktop');
    await page.mouse.move(0, 0);
    await page.locator('.seek-preview').waitFor({ state: 'detached' });
    await context.close();
  });

  it('a thumb dragging along the seek bar on a phone shows the frame, and letting go seeks there', async () => {
    const context = await browser.newContext(iPhone);
    const page = await context.newPage();
    await signInThroughForm(page, stack.baseUrl, anna);
    const bar = await openVideo(page);
    // Paused, the control bar stays in view (playing, it hides after a few seconds, and a
    // hidden bar takes no touches: the first tap only brings it back).
    const video = page.locator('video.player-video');
    const paused = () => video.evaluate((element) => (element as unknown as { paused: boolean }).paused);
    await expect.poll(() => playerTime(page), { timeout: 60_000, interval: 250 }).toBeGreaterThan(0);
    await page.keyboard.press('k');
    await expect.poll(paused).toBe(true);
    // The page fits the phone: a wider layout would make Chromium zoom out and every box lie.
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    const box = (await bar.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const y = box.y + box.height / 2;
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: x === undefined ? [] : [{ x, y }] });
    await touch('touchStart', box.x + box.width * 0.1);
    for (const share of [0.2, 0.3, 0.4, 0.5]) await touch('touchMove', box.x + box.width * share);
    await expect
      .poll(async () => Number(await page.locator('.seek-preview').getAttribute('data-time')))
      .toBe(SECONDS / 2);
    await expect.poll(async () => distance(await previewColour(page), atMiddle), { timeout: 15_000 }).toBeLessThan(40);
    await saveScreenshot(page, 'seek-preview-phone');
    await touch('touchEnd');
    await page.locator('.seek-preview').waitFor({ state: 'detached' });
    const time = await video.evaluate((video) => (video as unknown as { currentTime: number }).currentTime);
    expect(Math.abs(time - SECONDS / 2)).toBeLessThan(1);
    await context.close();
  });
});
