import ipaddr from 'ipaddr.js';

/**
 * The one grammar for lists of networks (ALLOWED_NETWORKS, TRUSTED_PROXIES, VPN_SUBNET):
 * comma-separated addresses or CIDR ranges, refused whenever two readers could take them for
 * different networks. nginx/allowed-networks (POSIX sh, for nginx/render and
 * scripts/macos-firewall) implements the same grammar with the same messages; the table in
 * scripts/allowedNetworks.cases.json holds all of them to it.
 *
 * - empty, or an empty entry: refused (an empty list meant "deny all" to one reader and
 *   "the defaults" to another; unset means the defaults everywhere);
 * - a leading zero in a number (`010.8.0.0/24`): refused, since some readers take it as octal;
 * - IPv4 in exactly four decimal parts; IPv6 in hex groups, without an embedded IPv4 part or zone;
 * - bits set after the prefix (`10.8.0.1/24`): refused, it is either the network or one host.
 *
 * Returns the entries normalised (always with a prefix, IPv6 in RFC 5952 form), each once.
 */
export function parseNetworkList(value: string): string[] {
  if (value.trim() === '') {
    throw new Error('is empty: list at least one network (e.g. 10.8.0.0/24), or leave it unset for the defaults');
  }
  const networks = value.split(',').map((entry) => parseNetwork(entry.replace(/^[ \t]+|[ \t]+$/g, '')));
  // Once each: nginx warns about a network its geo table already has.
  return [...new Set(networks)];
}

function parseNetwork(entry: string): string {
  if (entry === '') throw new Error('has an empty entry (two commas in a row, or one at either end)');
  const [address = '', prefixText, ...rest] = entry.split('/');
  const v6 = address.includes(':');
  if (rest.length > 0 || !(v6 ? isIPv6Text(address) : isIPv4Text(address))) {
    throw new Error(`"${entry}" is not an address or CIDR range`);
  }
  if (!v6 && /(^|\.)0\d/.test(address)) {
    throw new Error(`"${entry}" has a leading zero, which some readers take as octal: write the numbers without it`);
  }
  const bits = v6 ? 128 : 32;
  const prefix = prefixText === undefined ? bits : decimal(prefixText);
  if (prefix === undefined || prefix > bits) {
    throw new Error(`"${entry}": the prefix must be a number from 0 to ${bits}, without leading zeros`);
  }
  const parsed = ipaddr.parse(address);
  const text = (a: ipaddr.IPv4 | ipaddr.IPv6) =>
    a.kind() === 'ipv6' ? (a as ipaddr.IPv6).toRFC5952String() : a.toString();
  const network = text(
    v6
      ? ipaddr.IPv6.networkAddressFromCIDR(`${address}/${prefix}`)
      : ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`),
  );
  if (network !== text(parsed)) {
    throw new Error(
      `"${entry}" has bits set after the prefix: write the network (${network}/${prefix}) or one host (${text(parsed)}/${bits})`,
    );
  }
  return `${network}/${prefix}`;
}

/** Four decimal parts of 0–255 (leading zeros are told apart afterwards, with their own message). */
function isIPv4Text(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/** Hex groups only: ipaddr.js alone would also take an embedded IPv4 part or a zone ("%eth0"). */
function isIPv6Text(address: string): boolean {
  return /^[0-9a-fA-F:]+$/.test(address) && ipaddr.IPv6.isValid(address);
}

function decimal(text: string): number | undefined {
  return /^(0|[1-9]\d{0,2})$/.test(text) ? Number(text) : undefined;
}
