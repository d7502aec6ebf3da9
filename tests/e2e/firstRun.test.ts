import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startBrowserStack,
  stopBrowserStack,
  watchConsole,
  waitFor,
  type ConsoleWatch,
  type Stack,
} from '@keepsake/testkit';
import { onlyRefusedRequests, waitForSignInPage } from './support/signIn.js';

/** A fresh install: the first admin is created in the browser with the code from the server's log. */
describe('first run', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let console: ConsoleWatch;

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack());
    page = await (await browser.newContext()).newPage();
    console = watchConsole(page);
  });
  afterAll(() => stopBrowserStack({ stack, browser }));

  it('offers to create the first admin; a wrong code is refused, the logged one signs straight in', async () => {
    const code = await waitFor(
      'the setup code in the server log',
      () => /setup code ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(stack.server.output())?.[1],
    );
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('heading', { name: 'Create the first admin' }).waitFor();

    const fill = async (setupCode: string) => {
      await page.getByLabel('Setup code').fill(setupCode);
      await page.getByLabel('Your name').fill('Anna Berg');
      await page.getByLabel('Username').fill('anna');
      await page.getByLabel('Email').fill('anna@example.com');
      await page.getByLabel('Password').fill('Kitchen#Table7');
      await page.getByRole('button', { name: 'Create admin and sign in' }).click();
    };
    await fill('AAAA-BBBB-CCCC');
    await page.getByRole('alert').getByText('That setup code is not the one in the server log.').waitFor();

    await fill(code.toLowerCase());
    await page.getByRole('heading', { name: 'Gallery' }).waitFor({ state: 'attached' });
    await page.getByRole('link', { name: 'Admin' }).waitFor();

    // From now on the page is the ordinary sign-in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForSignInPage(page);
    expect(await page.getByRole('heading', { name: 'Create the first admin' }).count()).toBe(0);
    expect(onlyRefusedRequests(console.errors(), [401])).toEqual([]);
  });
});
