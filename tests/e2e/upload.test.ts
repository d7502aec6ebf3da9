import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateImage,
  generateVideo,
  saveScreenshot,
  startBrowserStack,
  stopBrowserStack,
  type Stack,
} from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

const anna = { login: 'anna', password: 'Kitchen#Table7' };

/**
 * Issue 10.1 in Chromium: a member picks files in the upload dialog, follows each one's
 * progress, and sees the tiles appear once the processor has them; a photo already in the
 * library says so and links to it.
 */
describe('uploading from the gallery', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let picked: string[];

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      users: [{ username: anna.login, password: anna.password, fullName: 'Anna Berg' }],
      prepare: async (started) => {
        const garden = path.join(started.dirs.imports, 'garden.jpg');
        await generateImage({ file: garden, width: 640, height: 480, format: 'jpeg' });
        const outside = path.join(started.dirs.root, 'picked');
        fs.mkdirSync(outside);
        fs.copyFileSync(garden, path.join(outside, 'garden copy.jpg'));
        picked = [
          await generateImage({ file: path.join(outside, 'sunset.jpg'), width: 800, height: 600, format: 'jpeg' }),
          await generateVideo({ file: path.join(outside, 'waves.mp4'), width: 320, height: 240, seconds: 2 }),
          path.join(outside, 'garden copy.jpg'),
        ];
        const processed = await started.processImports();
        expect(processed.exitCode, processed.output).toBe(0);
      },
    }));
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  it('picks files in the dialog, shows their progress, then their tiles', async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    await page.locator('a.tile[title="garden.jpg"]').waitFor();
    await page.getByRole('button', { name: 'Upload' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload photos and videos' });
    await dialog.waitFor();
    expect(await dialog.locator('input[type=file]').getAttribute('accept')).toBe('image/*,video/*');
    await dialog.locator('input[type=file]').setInputFiles(picked);

    const row = (name: string) => dialog.locator('.upload-item', { hasText: name });
    for (const name of ['sunset.jpg', 'waves.mp4', 'garden copy.jpg']) {
      await expect.poll(() => row(name).locator('progress').count()).toBe(1);
      await expect.poll(() => row(name).getAttribute('data-status'), { timeout: 30_000 }).toBe('processing');
    }
    await saveScreenshot(page, 'upload-dialog-processing');

    const processed = await stack.processImports();
    expect(processed.exitCode, processed.output).toBe(0);

    await expect.poll(() => row('sunset.jpg').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => row('waves.mp4').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await expect
      .poll(() => row('garden copy.jpg').textContent(), { timeout: 30_000 })
      .toContain('Already in the library');
    await saveScreenshot(page, 'upload-dialog-done');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('a.tile[title="sunset.jpg"]').waitFor();
    await page.locator('a.tile[title="waves.mp4"]').waitFor();
    expect(await page.locator('a.tile').count()).toBe(3);

    // The strip keeps the uploads after the dialog closed; the duplicate opens the item already there.
    await page
      .locator('.upload-strip .upload-item', { hasText: 'garden copy.jpg' })
      .getByRole('link', { name: 'open it' })
      .click();
    await page.getByRole('dialog', { name: 'garden.jpg' }).waitFor();
  }, 180_000);
});
