/**
 * Where to start: the saved position, unless it is so close to either end that starting
 * over is what the person would want.
 */
export function resumePosition(saved: number | null | undefined, duration: number | null | undefined): number {
  if (!saved || !Number.isFinite(saved) || saved < 5) return 0;
  if (duration && saved > duration - 5) return 0;
  return saved;
}
