/** Play or pause, as the button, a click on the picture and Space/k all do; a refused play() changes nothing. */
export function togglePlayback(video: HTMLVideoElement): void {
  if (video.paused || video.ended) void video.play().catch(() => {});
  else video.pause();
}
