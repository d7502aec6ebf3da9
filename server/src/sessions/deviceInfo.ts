import Bowser from 'bowser';
import type { DeviceType } from '@keepsake/database';

const deviceTypes = new Set<DeviceType>(['desktop', 'mobile', 'tablet', 'tv']);

export interface DeviceInfo {
  type: DeviceType;
  /** "Chrome on macOS", for when the browser does not name the device itself; never empty. */
  name: string;
}

/** "curl/8.5.0 libcurl" → "curl": what a non-browser agent calls itself. */
function productName(userAgent: string): string | undefined {
  return /^[A-Za-z][\w.-]{0,40}/.exec(userAgent.trim())?.[0];
}

export function deviceInfo(userAgent: string | undefined): DeviceInfo {
  if (!userAgent?.trim()) return { type: 'unknown', name: 'Unknown device' };
  const parsed = Bowser.parse(userAgent);
  const platform = parsed.platform.type as DeviceType | undefined;
  // Bowser answers "" rather than nothing for agents it does not know (curl).
  const browser = parsed.browser.name || undefined;
  const os = parsed.os.name || undefined;
  const name = browser && os ? `${browser} on ${os}` : (browser ?? os ?? productName(userAgent) ?? 'Unknown device');
  return { type: platform && deviceTypes.has(platform) ? platform : 'unknown', name };
}
