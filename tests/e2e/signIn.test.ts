import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserStack, stopBrowserStack, watchConsole, type ConsoleWatch, type Stack } from '@keepsake/testkit';
import { onlyRefusedRequests, signInThroughForm, submitSignIn, waitForSignInPage } from './support/signIn.js';

const ben = { login: 'ben', password: 'Garden#Shed42' };

describe('signing in', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let console: ConsoleWatch;

  beforeAll(async () => {
    // Sessions end after 6 s without a request, so the idle sign-out can be seen.
    ({ stack, browser } = await startBrowserStack({
      env: { SESSION_IDLE_MINUTES: '0.1' },
      users: [{ username: ben.login, email: 'ben@example.com', password: ben.password }],
    }));
    page = await (await browser.newContext()).newPage();
    console = watchConsole(page);
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  it('stays signed in across a reload (silent refresh) and signs out for good', async () => {
    await signInThroughForm(page, stack.baseUrl, { login: 'ben@example.com', password: ben.password });
    await page.reload();
    await page.getByRole('heading', { name: 'Gallery' }).waitFor({ state: 'attached' });
    // The empty library says what to do.
    await page.getByText('No photos or videos yet').waitFor();
    await page.getByText(/Drop files into the imports folder/).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForSignInPage(page);
    await page.reload();
    await waitForSignInPage(page);
    expect(console.errors()).toEqual([]);
  });

  it('signs out on idle timeout and says why', async () => {
    await signInThroughForm(page, stack.baseUrl, ben);
    // Nothing is asked of the server now; the event stream notices the ended session by itself.
    await waitForSignInPage(page, 60_000);
    expect(await page.getByRole('status').innerText()).toMatch(/signed out.*without (use|activity)/i);
    expect(onlyRefusedRequests(console.errors(), [401])).toEqual([]);
    console.clear();
  });

  it('keeps a signed-out visitor away from the admin pages', async () => {
    await page.goto(`${stack.baseUrl}/admin/queue`);
    await waitForSignInPage(page);
  });

  it('says when the password is wrong', async () => {
    await submitSignIn(page, { login: ben.login, password: 'not-the-password' });
    expect(await page.getByRole('alert').innerText()).toBe('Wrong username or password.');
    expect(page.url()).toContain('/sign-in');
  });

  it('shows the wait on the sixth failed attempt', async () => {
    // One failure above; four more use up the allowance of five.
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await submitSignIn(page, { login: ben.login, password: `wrong-${attempt}` });
      await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    }
    await submitSignIn(page, { login: ben.login, password: ben.password });
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'Too many sign-in attempts' }).waitFor();
    expect(await alert.innerText()).toMatch(
      /^Too many sign-in attempts\. Please wait \d+ minutes?( \d+ seconds?)? before trying again\.$/,
    );
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    expect(onlyRefusedRequests(console.errors(), [401, 429])).toEqual([]);
  });
});
