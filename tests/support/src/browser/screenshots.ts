import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../stack/repoRoot.js';

/** Where e2e runs leave screenshots for a person to look at (gitignored). */
export const screenshotDir = path.join(repoRoot, 'test-output', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
