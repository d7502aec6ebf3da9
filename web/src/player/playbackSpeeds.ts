/** The speeds the menu offers (and `<` / `>` step through). */
export const playbackSpeeds = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** The next speed up (+1) or down (-1) from `current`, staying at the ends. */
export function stepSpeed(current: number, direction: 1 | -1): number {
  const index = playbackSpeeds.findIndex((speed) => speed >= current);
  const at = index === -1 ? playbackSpeeds.length - 1 : index;
  const next = Math.min(playbackSpeeds.length - 1, Math.max(0, at + direction));
  return playbackSpeeds[next]!;
}

/**
 * Sets the speed so it lasts: a new source (a retry, hls.js recovering) resets playbackRate
 * to defaultPlaybackRate, so both change.
 */
export function setSpeed(video: HTMLVideoElement, speed: number): void {
  video.defaultPlaybackRate = speed;
  video.playbackRate = speed;
}

export const speedLabel = (speed: number) => `${speed}×`;
