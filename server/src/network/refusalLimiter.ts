/**
 * Decides which refused requests make it into the audit log: each address at most once
 * a minute, and at most `perMinute` entries in all, so a port scan cannot flood the table.
 */
export class RefusalLimiter {
  private readonly lastLogged = new Map<string, number>();
  private windowStart = 0;
  private inWindow = 0;

  constructor(
    private readonly perMinute = 30,
    private readonly now: () => number = Date.now,
  ) {}

  shouldLog(address: string): boolean {
    const now = this.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.inWindow = 0;
      for (const [key, at] of this.lastLogged) if (now - at >= 60_000) this.lastLogged.delete(key);
    }
    const last = this.lastLogged.get(address);
    if (last !== undefined && now - last < 60_000) return false;
    if (this.inWindow >= this.perMinute) return false;
    this.inWindow += 1;
    this.lastLogged.set(address, now);
    return true;
  }
}
