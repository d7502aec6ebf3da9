import { chromium, type Browser } from 'playwright-core';

/** Flags for a quiet, deterministic headless Chromium in containers and CI. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The system's Chromium (Debian package); the tests never download a browser. */
export function launchChromium(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}
