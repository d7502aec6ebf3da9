import type Bowser from 'bowser';

/**
 * A name a person recognises in "My devices": "Safari on iPhone", "Firefox on Windows".
 * The phone or tablet model when the browser tells it, else the operating system.
 */
export function deviceNameFrom(parsed: Bowser.Parser.ParsedResult): string {
  const browser = parsed.browser.name || 'Browser';
  const model = parsed.platform.model;
  const where = model && model !== parsed.platform.vendor ? model : parsed.os.name;
  return where ? `${browser} on ${where}` : browser;
}

/** Bowser is loaded only on the sign-in page, keeping it out of the gallery's first load. */
export async function guessDeviceName(userAgent = navigator.userAgent): Promise<string> {
  const { default: Bowser } = await import('bowser');
  return deviceNameFrom(Bowser.parse(userAgent));
}
