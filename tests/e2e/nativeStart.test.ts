import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateSpki,
  generateVideo,
  launchChromium,
  nativeOrigin as origin,
  prepareNativeInstall,
  runToEnd,
  saveScreenshot,
  startProcess,
  waitFor,
  waitForNativeHealth,
  watchConsole,
  type ConsoleWatch,
  type NativeInstall,
  type RunningProcess,
} from '@keepsake/testkit';

import { listening } from './support/listening.js';
import { playerTime, signInThroughForm } from './support/signIn.js';

const pia = { login: 'pia', password: 'Meadow#Lane64' };

/**
 * The whole stack as an admin runs it without Docker: the real `npm start` (init, build,
 * migrations, then nginx on 1027 + server + processor under the launcher), a file dropped into
 * imports/, and a person in Chromium who trusts exactly the certificate the install made.
 */
describe('npm start: the whole stack natively, on https://127.0.0.1:1027', () => {
  let install: NativeInstall;
  let root: string;
  let env: NodeJS.ProcessEnv;
  let keepsake: RunningProcess;
  let browser: Browser;
  let page: Page;
  let console: ConsoleWatch;

  beforeAll(async () => {
    if (await listening(1027)) throw new Error('port 1027 is taken (is Keepsake running here?): this test needs it');
    install = await prepareNativeInstall('keepsake-native-', { WORKERS: '1' });
    ({ root, env } = install);
    keepsake = startProcess('npm start', 'npm', ['start'], env);
    await waitForNativeHealth(install, keepsake, 180_000);
    await runToEnd(
      'npm run user',
      'npm',
      ['run', '--silent', 'user', '--', 'create', '--username', pia.login, '--email', 'pia@example.com'].concat([
        '--name',
        'Pia',
        '--password-stdin',
      ]),
      env,
      `${pia.password}\n`,
    );
    const spki = await certificateSpki(path.join(root, 'private', 'tls.crt'));
    browser = await launchChromium({ args: [`--ignore-certificate-errors-spki-list=${spki}`] });
    page = await (await browser.newContext()).newPage();
    console = watchConsole(page);
  });

  afterAll(async () => {
    await browser?.close();
    await keepsake?.stop(40_000);
    await install?.remove();
  });

  it('prepared everything itself and says where it runs', () => {
    const output = keepsake.output();
    expect(output).toMatch(/init\s+\| init: created master\.key/);
    // (The throwaway database comes migrated; the step still runs, and says there was nothing to do.)
    expect(output).toMatch(/migrate\s+\| Database is up to date\./);
    expect(output).toContain('keepsake: running: https://localhost:1027');
  });

  it('is trusted by a browser only through the install’s own certificate', async () => {
    const untrusting = await launchChromium();
    try {
      const stranger = await untrusting.newPage();
      await expect(stranger.goto(`${origin}/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
    } finally {
      await untrusting.close();
    }
  });

  it('shows a file dropped into imports/ in the gallery, and plays it', async () => {
    await signInThroughForm(page, origin, pia);
    await page.getByText('No photos or videos yet').waitFor();

    // Dropped as a finished file, the way a Finder copy lands: written aside, then moved in.
    const aside = path.join(root, 'lake.mp4');
    await generateVideo({ file: aside, width: 320, height: 240, seconds: 3 });
    await fs.rename(aside, path.join(root, 'imports', 'lake.mp4'));

    const tile = page.getByRole('link', { name: /lake\.mp4/ });
    await tile.waitFor({ timeout: 120_000 });
    await tile.click();
    await expect.poll(() => playerTime(page), { timeout: 60_000, interval: 250 }).toBeGreaterThan(1.5);
    await saveScreenshot(page, 'native-start-playing');
    expect(console.errors()).toEqual([]);
  });

  it('stops nginx, server and processor on SIGTERM, and says so', async () => {
    // To the whole process group, as Ctrl-C in a terminal (npm itself may leave before the launcher is done).
    process.kill(-keepsake.child.pid!, 'SIGTERM');
    await waitFor('the launcher to finish stopping', () => keepsake.output().includes('keepsake: stopped'), 40_000);
    expect(keepsake.output()).toContain('keepsake: SIGTERM: stopping everything');
    expect(await listening(1027)).toBe(false);
    expect(await listening(Number(env.PORT))).toBe(false);
  });
});
