import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, startBrowserStack, stopBrowserStack, type Stack } from '@keepsake/testkit';
import { playerTime, signInThroughForm } from './support/signIn.js';

const anna = { login: 'anna', password: 'Kitchen#Table7' };

/** Continue watching in Chromium: half-watched videos in a row, gone once finished or dismissed. */
describe('Continue watching', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let auth: Record<string, string>;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      users: [{ username: anna.login, password: anna.password, fullName: 'Anna Berg' }],
      // Different lengths: identical files would be one item (the library deduplicates by content).
      videos: [
        { name: 'picnic.mp4', width: 320, height: 240, seconds: 20 },
        { name: 'concert.mp4', width: 320, height: 240, seconds: 24 },
      ],
    }));
    // Another device of Anna's reports where she stopped, as the player's heartbeat does.
    const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...anna, device_id: 'e2e-other-device', device_name: 'e2e' }),
    });
    expect(login.status).toBe(200);
    auth = { authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}` };
    const library = (await (await fetch(`${stack.baseUrl}/api/media/library`, { headers: auth })).json()) as {
      items: { id: string; original_name: string }[];
    };
    for (const item of library.items) ids.set(item.original_name, item.id);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  const watchedTo = async (name: string, seconds: number) => {
    expect(ids.get(name), `library: ${[...ids.keys()].join(', ')}`).toBeDefined();
    const answer = await fetch(`${stack.baseUrl}/api/media/${ids.get(name)}/progress`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ position_seconds: seconds }),
    });
    expect(answer.status, await answer.text()).toBe(204);
  };
  const row = () => page.getByRole('region', { name: 'Continue watching' });
  const names = () => row().locator('.continue-name').allTextContents();

  it('lists the half-watched videos, most recent first, and a tile resumes where it stopped', async () => {
    await watchedTo('picnic.mp4', 8);
    await watchedTo('concert.mp4', 11);
    await signInThroughForm(page, stack.baseUrl, anna);
    await row().waitFor();
    expect(await names()).toEqual(['concert.mp4', 'picnic.mp4']);
    await saveScreenshot(page, 'continue-watching');

    await row()
      .getByRole('link', { name: /^Resume picnic\.mp4 from 0:08/ })
      .click();
    const video = page.getByRole('dialog', { name: 'picnic.mp4' }).locator('video');
    await video.waitFor();
    await expect.poll(() => playerTime(page), { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(8);
    await page.keyboard.press('Escape');
  });

  it('drops a dismissed video, and one watched to the end', async () => {
    await page.goto(`${stack.baseUrl}/`);
    await row().waitFor();
    await row().getByRole('button', { name: 'Remove concert.mp4 from Continue watching' }).click();
    await expect.poll(names).toEqual(['picnic.mp4']);
    await page.reload();
    await row().waitFor();
    expect(await names()).toEqual(['picnic.mp4']);

    await watchedTo('picnic.mp4', 19.5);
    const answered = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/media/library/continue-watching',
    );
    await page.reload();
    expect(await (await answered).json()).toEqual({ items: [] });
    await page.locator('a.tile').nth(1).waitFor();
    expect(await row().count()).toBe(0);
  });
});
