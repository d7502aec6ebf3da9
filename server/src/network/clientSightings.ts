import { RangeMatcher } from './addressRanges.js';
import { isContainerGateway } from './containerGateway.js';

const loopback = new RangeMatcher(['127.0.0.0/8', '::1/128']);

export interface AllowlistSelfCheck {
  /** Distinct client addresses seen recently (loopback left out: health checks, tests). */
  seen: number;
  sees_real_clients: boolean;
  warning: string | null;
  recent: string[];
}

export const gatewayWarning =
  'Every client address the server has seen is a container gateway, so the network allowlist cannot see real ' +
  'clients (Docker Desktop on macOS hides them). The host firewall (scripts/macos-firewall) must hold the boundary.';

/**
 * Remembers the last client addresses seen, to notice when all of them are container
 * gateways: then the allowlist is checking the gateway, not the people behind it.
 */
export class ClientSightings {
  private readonly recent = new Map<string, number>();

  constructor(private readonly capacity = 256) {}

  record(address: string): void {
    if (loopback.matches(address)) return;
    this.recent.delete(address);
    this.recent.set(address, Date.now());
    if (this.recent.size > this.capacity) this.recent.delete(this.recent.keys().next().value!);
  }

  report(): AllowlistSelfCheck {
    const addresses = [...this.recent.keys()];
    const allGateways = addresses.length > 0 && addresses.every(isContainerGateway);
    return {
      seen: addresses.length,
      sees_real_clients: !allGateways,
      warning: allGateways ? gatewayWarning : null,
      recent: addresses.slice(-20).reverse(),
    };
  }
}
