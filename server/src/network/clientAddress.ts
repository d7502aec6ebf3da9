import net from 'node:net';
import type { FastifyRequest } from 'fastify';
import { inRanges } from './addressRanges.js';

/** "::ffff:10.8.0.5" is 10.8.0.5: one spelling per client in logs and the allowlist. */
export function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/**
 * The real client address. `request.ip` already follows X-Forwarded-For only through
 * TRUSTED_PROXIES (Fastify's trustProxy); X-Real-IP is believed under the same rule,
 * and only when there is no X-Forwarded-For to follow. From any other peer, headers
 * change nothing.
 */
export function clientAddress(request: FastifyRequest, trustedProxies: readonly string[]): string {
  const realIp = request.headers['x-real-ip'];
  if (typeof realIp === 'string' && request.headers['x-forwarded-for'] === undefined) {
    const peer = normalizeAddress(request.socket.remoteAddress ?? '');
    const candidate = realIp.trim();
    if (net.isIP(candidate) && inRanges(peer, trustedProxies)) return normalizeAddress(candidate);
  }
  return normalizeAddress(request.ip);
}
