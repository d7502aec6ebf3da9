import type { Browser } from 'playwright-core';
import { startStack, type Stack, type StackOptions, type StackUser } from '../stack/index.js';
import { asUsers, importGeneratedMedia, type DatedPhoto, type GeneratedVideo, type Member } from './household.js';
import { launchChromium } from './launchChromium.js';

export interface BrowserStackOptions extends StackOptions {
  /** Created through the CLI before the browser starts. */
  users?: StackUser[];
  /** Household members (anna, ben), created like `users`. */
  members?: Member[];
  /** Photos with these dates taken, imported and processed before `prepare`. */
  photos?: readonly DatedPhoto[];
  /** Generated videos, imported and processed with the photos. */
  videos?: readonly GeneratedVideo[];
  /** Anything else the stack needs first (files to import, processing), before the browser starts. */
  prepare?: (stack: Stack) => Promise<void>;
}

export interface BrowserStack {
  stack: Stack;
  browser: Browser;
}

/** The set-up every browser e2e file shares: a whole stack, its users, and the system's Chromium. */
export async function startBrowserStack(options: BrowserStackOptions = {}): Promise<BrowserStack> {
  const { users = [], members = [], photos = [], videos = [], prepare, ...stackOptions } = options;
  const stack = await startStack(stackOptions);
  try {
    for (const user of [...users, ...asUsers(...members)]) await stack.createUser(user);
    if (photos.length + videos.length > 0) await importGeneratedMedia(photos, videos)(stack);
    await prepare?.(stack);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return { stack, browser: await launchChromium() };
}

/** Safe after a set-up that failed half way: whatever started is stopped. */
export async function stopBrowserStack(started: Partial<BrowserStack>): Promise<void> {
  await started.browser?.close();
  await started.stack?.stop();
}
