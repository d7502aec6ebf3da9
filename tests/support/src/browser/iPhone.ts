import type { BrowserContextOptions } from 'playwright-core';

/**
 * A browser context that looks like Safari on an iPhone to the gallery (size, touch, user
 * agent), for the phone half of e2e tests run in Chromium. Hand-kept rather than Playwright's
 * device list so the tests' screenshots and layouts stay as they were recorded (390 × 844 at 2×).
 */
export const iPhone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
};
