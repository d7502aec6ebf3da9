import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from '@keepsake/platform';
import { RangeMatcher } from './addressRanges.js';
import { clientAddress } from './clientAddress.js';

export interface ClientCheck {
  address: string;
  allowed: boolean;
  viaVpn: boolean;
}

/** The allowlist decision for a request: its real client address, whether it may come in, whether via the VPN. */
export function createClientCheck(config: Pick<ServerConfig, 'allowedNetworks' | 'trustedProxies' | 'vpnSubnet'>) {
  const allowed = new RangeMatcher(config.allowedNetworks);
  const vpn = new RangeMatcher(config.vpnSubnet);
  return (request: FastifyRequest): ClientCheck => {
    const address = clientAddress(request, config.trustedProxies);
    return { address, allowed: allowed.matches(address), viaVpn: vpn.matches(address) };
  };
}
