import { createHash } from 'node:crypto';
import type { DeviceType } from '@keepsake/database';
import { deviceInfo } from './deviceInfo.js';

export interface SignInDevice {
  deviceId: string;
  deviceName: string;
  deviceType: DeviceType;
}

/**
 * The device a sign-in comes from. The browser sends a random `device_id` it keeps; a client
 * that sends none (curl, a script written from the design document) gets one derived from its
 * user agent and device name, so signing in again replaces its session instead of counting as
 * one more device each time. Two scripts with the same agent and name share a device: they
 * tell themselves apart with a `device_id` or a `device_name` of their own.
 */
export function signInDevice(
  userAgent: string | null,
  requested: { device_id?: string; device_name?: string },
): SignInDevice {
  const detected = deviceInfo(userAgent ?? undefined);
  const deviceName = requested.device_name?.trim() || detected.name;
  const deviceId = requested.device_id ?? derivedDeviceId(userAgent, deviceName);
  return { deviceId, deviceName, deviceType: detected.type };
}

function derivedDeviceId(userAgent: string | null, deviceName: string): string {
  const digest = createHash('sha256')
    .update(`${userAgent ?? ''}\n${deviceName}`)
    .digest('base64url');
  return `derived:${digest.slice(0, 32)}`;
}
