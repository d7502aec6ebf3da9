import net from 'node:net';
import { inRanges } from './addressRanges.js';

const privateRanges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/**
 * Addresses Docker Desktop shows instead of real clients: its VM networks
 * (docker/for-mac#180, #7793), whatever the last octet.
 */
const dockerDesktopRanges = ['192.168.65.0/24', '192.168.127.0/24'];

/**
 * A gateway of a container network (x.x.x.1 in a private range) or a Docker Desktop
 * address: what a server sees when port publishing hides the real client.
 */
export function isContainerGateway(address: string): boolean {
  if (!net.isIPv4(address)) return false;
  if (inRanges(address, dockerDesktopRanges)) return true;
  return address.endsWith('.1') && inRanges(address, privateRanges);
}
