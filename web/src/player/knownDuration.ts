/** The video's own duration once the element knows it, else the item's (from its details). */
export function knownDuration(video: HTMLVideoElement | null, itemDuration: number): number {
  const own = video?.duration;
  return own !== undefined && Number.isFinite(own) && own > 0 ? own : itemDuration;
}
