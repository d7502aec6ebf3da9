import ipRangeCheck from 'ip-range-check';

/** True when the address is inside any of the CIDR ranges (IPv4-mapped IPv6 counts as IPv4). */
export function inRanges(address: string, ranges: readonly string[]): boolean {
  return address.length > 0 && ranges.length > 0 && ipRangeCheck(address, [...ranges]);
}
