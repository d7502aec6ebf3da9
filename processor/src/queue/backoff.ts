/** Seconds before retry number `attempt` (1-based): base, 4×base, 16×base… capped at an hour, ±20 % jitter. */
export function backoffSeconds(attempt: number, baseSeconds: number, random = Math.random): number {
  const plain = Math.min(3600, baseSeconds * 4 ** Math.max(0, attempt - 1));
  return Math.round(plain * (0.8 + 0.4 * random()) * 1000) / 1000;
}
