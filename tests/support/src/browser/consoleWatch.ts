import type { Page } from 'playwright-core';

export interface ConsoleWatch {
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  errors(): string[];
  /** Forgets what was seen (after a step that is meant to produce errors). */
  clear(): void;
}

/**
 * Collects everything on a page that a person's browser console would show in red,
 * Content-Security-Policy violations included.
 */
export function watchConsole(page: Page): ConsoleWatch {
  let seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      seen.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  return {
    errors: () => [...seen],
    clear: () => {
      seen = [];
    },
  };
}
