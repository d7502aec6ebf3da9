import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImage, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

const run = promisify(execFile);
const anna = { login: 'anna', password: 'Kitchen#Table7' };
const names = ['garden.jpg', 'Hafen im Schnee.png'] as const;

/** A member takes originals out through the browser: one from the viewer, two from a selection as a zip. */
describe('downloads in the gallery', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let scratch: string;
  const dropped = new Map<string, Buffer>();

  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-e2e-download-'));
    ({ stack, browser } = await startBrowserStack({
      users: [{ username: anna.login, password: anna.password, fullName: 'Anna Berg' }],
      prepare: async (started) => {
        await generateImage({
          file: path.join(started.dirs.imports, names[0]),
          width: 640,
          height: 480,
          format: 'jpeg',
        });
        await generateImage({
          file: path.join(started.dirs.imports, names[1]),
          width: 300,
          height: 200,
          format: 'png',
        });
        for (const name of names) dropped.set(name, await fs.readFile(path.join(started.dirs.imports, name)));
        const processed = await started.processImports();
        expect(processed.exitCode, processed.output).toBe(0);
      },
    }));
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
    ).newPage();
  });

  afterAll(async () => {
    await stopBrowserStack({ stack, browser });
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  });

  it("the viewer's Download gives the original under its name", async () => {
    await signInThroughForm(page, stack.baseUrl, anna);
    await page.locator('a.tile[title="garden.jpg"]').click();
    const viewer = page.getByRole('dialog', { name: 'garden.jpg' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      viewer.getByRole('link', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('garden.jpg');
    const file = path.join(scratch, 'single');
    await download.saveAs(file);
    expect((await fs.readFile(file)).equals(dropped.get('garden.jpg')!)).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('a selection downloads as one zip holding both originals', async () => {
    const check = (name: string) => page.getByRole('button', { name: `Select ${name}`, exact: true });
    await page.locator('a.tile[title="garden.jpg"]').hover();
    await check('garden.jpg').click();
    await page.locator(`a.tile[title="${names[1]}"]`).click();
    const bar = page.getByRole('toolbar', { name: 'Selection' });
    await bar.getByText('2 selected').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      bar.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^keepsake-\d{4}-\d\d-\d\d\.zip$/);
    const zip = path.join(scratch, 'selection.zip');
    await download.saveAs(zip);
    const listing = (await run('unzip', ['-Z1', zip])).stdout.trim().split('\n');
    expect(listing.sort()).toEqual([...names].sort());
    for (const name of names) {
      const out = await run('unzip', ['-p', zip, name], { encoding: 'buffer', maxBuffer: 64 * 1024 ** 2 });
      expect(out.stdout.equals(dropped.get(name)!), name).toBe(true);
    }
  });
});
