import type { Rung } from './planLadder.js';

/** The short side a player starts on: small enough for a first segment over a phone's VPN. */
export const START_SHORT_SIDE = 480;

/**
 * The rung players start on, which the master playlist lists first: Safari and iOS start on
 * the first variant (RFC 8216 §4.3.4.2, Apple's authoring spec), and the web's hls.js player
 * is told to as well. The largest rung not above 480p (a 4 s segment of it is ~0.7 MB),
 * else the smallest; players climb the ladder as soon as they have measured the link.
 */
export function startRungIndex(rungs: Pick<Rung, 'width' | 'height'>[]): number {
  const sides = rungs.map((rung) => Math.min(rung.width, rung.height));
  const fitting = sides.filter((side) => side <= START_SHORT_SIDE);
  const side = fitting.length > 0 ? Math.max(...fitting) : Math.min(...sides);
  return sides.indexOf(side);
}

/** The master playlist's order: the start rung first, then the rest top down. */
export function masterOrder<T extends Pick<Rung, 'width' | 'height'>>(rungs: T[]): T[] {
  const start = startRungIndex(rungs);
  return [rungs[start]!, ...rungs.filter((_, i) => i !== start)];
}
