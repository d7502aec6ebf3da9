import { randomBytes } from 'node:crypto';
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
  waitFor,
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
  let sharedPhoto: string;
  let longVideo: string;

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
        longVideo = path.join(outside, 'long-video.mp4');
        fs.writeFileSync(longVideo, randomBytes(6 * 1024 * 1024));
        sharedPhoto = await generateImage({
          file: path.join(outside, 'shared.jpg'),
          width: 700,
          height: 500,
          format: 'jpeg',
        });
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

  it('says a copy of a trashed photo is in the Trash, and restores it from the upload list', async () => {
    await page.goto(`${stack.baseUrl}/`);
    // Anna trashes her sunset from the viewer.
    await page.locator('a.tile[title="sunset.jpg"]').click();
    await page.getByRole('dialog', { name: 'sunset.jpg' }).getByRole('button', { name: 'Move to trash' }).click();
    await page.locator('.library-notice').getByText('1 item moved to the Trash').waitFor();
    await expect.poll(() => page.locator('a.tile[title="sunset.jpg"]').count()).toBe(0);
    await page.keyboard.press('Escape');

    // The same photo again, from another folder under another name.
    const again = path.join(stack.dirs.root, 'picked', 'sunset from the phone.jpg');
    fs.copyFileSync(picked[0]!, again);
    await page.getByRole('button', { name: 'Upload' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload photos and videos' });
    await dialog.locator('input[type=file]').setInputFiles([again]);
    const row = dialog.locator('.upload-item', { hasText: 'sunset from the phone.jpg' });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('processing');
    const processed = await stack.processImports();
    expect(processed.exitCode, processed.output).toBe(0);

    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('duplicate_in_trash');
    expect(await row.locator('.upload-state').textContent()).toContain('Already in Trash');
    await saveScreenshot(page, 'upload-duplicate-in-trash');
    await row.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('restored');
    const sunset = await stack.database.db
      .selectFrom('media_files')
      .select('status')
      .where('original_name', '=', 'sunset.jpg')
      .executeTakeFirstOrThrow();
    expect(sunset.status).toBe('completed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.locator('a.tile[title="sunset.jpg"]').waitFor();
  }, 120_000);

  it('installs as an app (manifest, icons) and takes photos shared to it, caching nothing', async () => {
    await page.goto(`${stack.baseUrl}/`);
    await page.locator('a.tile').first().waitFor();
    // Run in the page as text: this file type-checks without DOM typings.
    const manifest = (await page.evaluate(`(async () => {
      const body = await (await fetch(document.querySelector('link[rel=manifest]').href)).json();
      const iconStatuses = await Promise.all(body.icons.map(async (icon) => (await fetch(icon.src)).status));
      return { ...body, iconStatuses };
    })()`)) as {
      display: string;
      iconStatuses: number[];
      share_target: { action: string; method: string; params: { files: { name: string }[] } };
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.iconStatuses.every((status) => status === 200)).toBe(true);
    expect(manifest.share_target).toMatchObject({ action: '/share-target', method: 'POST' });
    await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
    await expect.poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true);

    // What Android does on Share → Keepsake: a multipart POST navigation to the share target.
    await page.evaluate(`(() => {
      const form = document.createElement('form');
      Object.assign(form, { id: 'share-form', method: 'post', action: '/share-target', enctype: 'multipart/form-data' });
      const input = document.createElement('input');
      Object.assign(input, { type: 'file', name: ${JSON.stringify(manifest.share_target.params.files[0]!.name)}, multiple: true });
      form.append(input);
      document.body.append(form);
    })()`);
    await page.locator('#share-form input').setInputFiles([sharedPhoto]);
    await page.evaluate("document.querySelector('#share-form').submit()");
    const row = page.locator('.upload-strip .upload-item', { hasText: 'shared.jpg' });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('processing');
    expect(new URL(page.url()).search).toBe('');

    const processed = await stack.processImports();
    expect(processed.exitCode, processed.output).toBe(0);
    await page.locator('a.tile[title="shared.jpg"]').waitFor();
    expect(await page.evaluate('caches.keys()')).toEqual([]);
  }, 120_000);

  it('continues an upload after a reload from where the server stopped', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    await signInThroughForm(tab, stack.baseUrl, anna);
    // A slow uplink (1 MB/s), so the reload lands in the middle of the file.
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    const pick = async () => {
      await tab.getByRole('button', { name: 'Upload' }).click();
      await tab
        .getByRole('dialog', { name: 'Upload photos and videos' })
        .locator('input[type=file]')
        .setInputFiles([longVideo]);
    };
    await pick();
    const partialDir = path.join(stack.dirs.imports, '.uploads-partial');
    const partialBytes = () =>
      fs
        .readdirSync(partialDir)
        .filter((name) => !name.endsWith('.json'))
        .reduce((sum, name) => sum + fs.statSync(path.join(partialDir, name)).size, 0);
    await waitFor('part of the file on the server', () => partialBytes() > 1024 * 1024, 60_000);

    await tab.reload();
    await tab.locator('a.tile').first().waitFor();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await tab.getByRole('button', { name: 'Upload' }).click();
    const dialog = tab.getByRole('dialog', { name: 'Upload photos and videos' });
    await dialog.getByText(/Not finished yet: long-video\.mp4/).waitFor();
    await dialog.locator('input[type=file]').setInputFiles([longVideo]);
    const row = dialog.locator('.upload-item', { hasText: 'long-video.mp4' });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('processing');
    const landed = path.join(stack.dirs.imports, 'uploads', 'anna', 'long-video.mp4');
    expect(fs.readFileSync(landed).equals(fs.readFileSync(longVideo))).toBe(true);
    expect(await row.getAttribute('data-resumed')).toBe('true');
    // Had it started over, the first upload's bytes would still lie in the partial folder.
    expect(partialBytes()).toBe(0);
    await context.close();
  }, 180_000);
});
