import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ImageShape, VideoShape } from './domShapes.js';

export interface SignInForm {
  login: string;
  password: string;
  /** Replaces the name the page guessed from the browser. */
  deviceName?: string;
}

/**
 * Fills and sends the sign-in form on the page as it is (the caller navigated there), and
 * waits for the server's answer.
 */
export async function submitSignIn(page: Page, form: SignInForm): Promise<void> {
  await page.getByLabel('Username or email').fill(form.login);
  await page.getByLabel('Password').fill(form.password);
  if (form.deviceName) await page.getByLabel('Device name').fill(form.deviceName);
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await answered;
}

/** Opens the gallery, is sent to sign-in, signs in and waits for the gallery to be back. */
export async function signInThroughForm(page: Page, baseUrl: string, form: SignInForm): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL('**/sign-in');
  await expect.poll(() => page.getByLabel('Device name').inputValue()).not.toBe('');
  await submitSignIn(page, form);
  await page.getByRole('heading', { name: 'Gallery' }).waitFor({ state: 'attached' });
}

export async function waitForSignInPage(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForURL('**/sign-in', { timeout });
  await page.getByLabel('Username or email').waitFor({ timeout });
}

/** Every thumbnail on the page has loaded and decoded to real pixels (not a broken image). */
export async function thumbnailsDecoded(page: Page): Promise<{ count: number; decoded: number }> {
  return page.$$eval('img.tile-thumb', (elements) => {
    const images = elements as unknown as ImageShape[];
    return { count: images.length, decoded: images.filter((image) => image.complete && image.naturalWidth > 0).length };
  });
}

/** Browser console lines that only say a request was refused with one of `statuses` (expected in that test). */
export function onlyRefusedRequests(errors: string[], statuses: number[]): string[] {
  const pattern = new RegExp(`Failed to load resource: the server responded with a status of (${statuses.join('|')})`);
  return errors.filter((line) => !pattern.test(line));
}

/** The player's position in seconds (0 while there is no player). */
export async function playerTime(page: Page): Promise<number> {
  const video = page.locator('video.player-video');
  if ((await video.count()) === 0) return 0;
  return video.evaluate((element) => (element as unknown as VideoShape).currentTime);
}
