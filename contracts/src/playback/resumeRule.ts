/**
 * When a video counts as started and as finished. The player starts over within these seconds
 * of either end, and Continue watching offers exactly the videos the player would resume, so
 * both read this one rule.
 */
export const startedAfterSeconds = 5;
export const finishedWithinSeconds = 5;

/** Where to start: the saved position, unless it is so close to either end that starting over is wanted. */
export function resumePosition(saved: number | null | undefined, duration: number | null | undefined): number {
  if (!saved || !Number.isFinite(saved) || saved < startedAfterSeconds) return 0;
  if (duration && saved > duration - finishedWithinSeconds) return 0;
  return saved;
}
