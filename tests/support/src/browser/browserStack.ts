import type { Browser } from 'playwright-core';
import { startStack, type Stack, type StackOptions, type StackUser } from '../stack/index.js';
import { launchChromium } from './launchChromium.js';

export interface BrowserStackOptions extends StackOptions {
  /** Created through the CLI before the browser starts. */
  users?: StackUser[];
  /** Anything else the stack needs first (files to import, processing), before the browser starts. */
  prepare?: (stack: Stack) => Promise<void>;
}

export interface BrowserStack {
  stack: Stack;
  browser: Browser;
}

/** The set-up every browser e2e file shares: a whole stack, its users, and the system's Chromium. */
export async function startBrowserStack(options: BrowserStackOptions = {}): Promise<BrowserStack> {
  const { users = [], prepare, ...stackOptions } = options;
  const stack = await startStack(stackOptions);
  for (const user of users) await stack.createUser(user);
  await prepare?.(stack);
  return { stack, browser: await launchChromium() };
}

/** Safe after a set-up that failed half way: whatever started is stopped. */
export async function stopBrowserStack(started: Partial<BrowserStack>): Promise<void> {
  await started.browser?.close();
  await started.stack?.stop();
}
