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

export interface ChromiumOptions {
  executablePath?: string;
  /** More command-line switches (e.g. a certificate to trust). */
  args?: string[];
}

/** The system's Chromium (Debian package); the tests never download a browser. */
export function launchChromium(options: ChromiumOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, headless: true, args: [...chromiumArgs, ...(options.args ?? [])] });
}
