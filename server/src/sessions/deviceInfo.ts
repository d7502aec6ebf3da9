import Bowser from 'bowser';
import type { DeviceType } from '@keepsake/database';

const deviceTypes = new Set<DeviceType>(['desktop', 'mobile', 'tablet', 'tv']);

export interface DeviceInfo {
  type: DeviceType;
  /** "Chrome on macOS", for when the browser does not name the device itself. */
  name: string;
}

export function deviceInfo(userAgent: string | undefined): DeviceInfo {
  if (!userAgent) return { type: 'unknown', name: 'Unknown device' };
  const parsed = Bowser.parse(userAgent);
  const platform = parsed.platform.type as DeviceType | undefined;
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  const name = browser && os ? `${browser} on ${os}` : (browser ?? os ?? 'Unknown device');
  return { type: platform && deviceTypes.has(platform) ? platform : 'unknown', name };
}
