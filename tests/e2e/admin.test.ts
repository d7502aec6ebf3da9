import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startBrowserStack,
  saveScreenshot,
  stopBrowserStack,
  watchConsole,
  type ConsoleWatch,
  type Stack,
} from '@keepsake/testkit';
import { signInThroughForm } from './support/signIn.js';

const admin = { login: 'root', password: 'Attic#Boxes2024' };
const member = { login: 'mila', password: 'Swing#Set2019' };

describe('admin pages', () => {
  let stack: Stack;
  let browser: Browser;
  const consoles: ConsoleWatch[] = [];

  const signedInPage = async (who: { login: string; password: string }): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    consoles.push(watchConsole(page));
    await signInThroughForm(page, stack.baseUrl, who);
    return page;
  };

  beforeAll(async () => {
    ({ stack, browser } = await startBrowserStack({
      users: [
        { username: admin.login, password: admin.password, fullName: 'Root Admin', admin: true },
        { username: member.login, password: member.password, fullName: 'Mila' },
      ],
      prepare: async (started) => {
        // Not a picture at all, whatever its name says: the processor refuses it for good.
        await fs.writeFile(path.join(started.dirs.imports, 'broken.jpg'), 'this is not a photo\n'.repeat(50));
        const processed = await started.processImports();
        expect(processed.exitCode, processed.output).toBe(1);
      },
    }));
  });

  afterAll(() => stopBrowserStack({ stack, browser }));

  it('hides the admin pages from a member and refuses direct navigation', async () => {
    const page = await signedInPage(member);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto(`${stack.baseUrl}/admin/queue`);
    await page.getByRole('heading', { name: 'Admins only' }).waitFor();
    expect(await page.getByText('broken.jpg').count()).toBe(0);
    // The server refuses too, whatever the page shows.
    const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: member.login, password: member.password, device_name: 'API check' }),
    });
    const { access_token } = (await login.json()) as { access_token: string };
    const queue = await fetch(`${stack.baseUrl}/api/admin/queue`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(queue.status).toBe(403);
    expect(((await queue.json()) as { error: { code: string } }).error.code).toBe('AUTH_006');
  });

  it('shows an admin the failed import with its error, and retries it', async () => {
    const page = await signedInPage(admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page
      .getByText(/at least 8 characters/)
      .first()
      .waitFor();
    await saveScreenshot(page, 'admin-users');

    // A weak password is refused with what it lacks; a good one creates the person.
    const form = page.getByRole('region', { name: 'Add a person' });
    await form.getByLabel('Username').fill('nora');
    await form.getByLabel('Email').fill('nora@example.com');
    await form.getByLabel('Full name').fill('Nora');
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Add person' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: /needs at least 8 characters/ })
      .waitFor();
    await form.getByLabel('Password').fill('Bird#House77');
    await form.getByRole('button', { name: 'Add person' }).click();
    await form.getByText('nora can sign in now.').waitFor();
    await page.getByRole('row', { name: /Nora/ }).waitFor();

    await page.getByRole('link', { name: 'Processing' }).click();
    const job = page.locator('li.job', { hasText: 'broken.jpg' });
    await job.waitFor();
    expect(await job.getAttribute('data-status')).toBe('failed');
    expect(await job.locator('.job-error').innerText()).toMatch(/MEDIA_004/);
    await saveScreenshot(page, 'admin-queue');

    await job.getByRole('button', { name: 'Retry broken.jpg' }).click();
    await expect.poll(() => job.getAttribute('data-status')).toBe('queued');
    const row = await stack.database.db
      .selectFrom('processing_queue')
      .select(['status', 'attempts'])
      .where('path', '=', 'broken.jpg')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'queued', attempts: 0 });
  });

  it('shows the audit log and the storage and key status', async () => {
    const page = await signedInPage(admin);
    await page.goto(`${stack.baseUrl}/admin/audit`);
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('cell', { name: 'auth.login' }).count()).toBeGreaterThan(0);
    await page.getByLabel('Action').fill('auth.login_failed');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No entries match.').waitFor();

    await page.getByRole('link', { name: 'Storage & keys' }).click();
    await page.getByRole('heading', { name: 'Key rotation' }).waitFor();
    await page.getByText('Last rotation').waitFor();
    await page.getByText('Encrypted media').waitFor();
    await saveScreenshot(page, 'admin-system');
  });

  it('logged no console errors on any admin page (beyond the refused weak password)', () => {
    const errors = consoles.flatMap((watch) => watch.errors());
    expect(errors.filter((line) => !/status of 400 .*\/api\/admin\/users\)$/.test(line))).toEqual([]);
  });
});
