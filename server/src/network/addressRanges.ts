import ipRangeCheck from 'ip-range-check';

/** True when the address is inside any of the CIDR ranges (IPv4-mapped IPv6 counts as IPv4). */
export function inRanges(address: string, ranges: readonly string[]): boolean {
  return address.length > 0 && ranges.length > 0 && ipRangeCheck(address, [...ranges]);
}

/**
 * `inRanges` for one fixed list, asked on every request: a household has few addresses,
 * so each answer is remembered (ip-range-check parses every range on every call).
 */
export class RangeMatcher {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly ranges: readonly string[]) {}

  matches(address: string): boolean {
    let answer = this.known.get(address);
    if (answer === undefined) {
      answer = inRanges(address, this.ranges);
      if (this.known.size >= 4096) this.known.clear();
      this.known.set(address, answer);
    }
    return answer;
  }
}
