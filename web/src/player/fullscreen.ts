/** What iPhone Safari has instead of Element.requestFullscreen: full screen for a video only. */
interface WebkitVideo extends HTMLVideoElement {
  webkitEnterFullscreen?: () => void;
  webkitExitFullscreen?: () => void;
  webkitDisplayingFullscreen?: boolean;
}

/**
 * Full screen for the whole player (video, quality and speed menus) where the browser can
 * put any element full screen; on an iPhone, whose Safari can only do it for a video, the
 * video alone in the system's own player.
 */
export function toggleFullscreen(container: HTMLElement, video: HTMLVideoElement): void {
  const ios = video as WebkitVideo;
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else if (ios.webkitDisplayingFullscreen) ios.webkitExitFullscreen?.();
  else if (typeof container.requestFullscreen === 'function') void container.requestFullscreen().catch(() => {});
  else ios.webkitEnterFullscreen?.();
}

export function canFullscreen(container: HTMLElement, video: HTMLVideoElement): boolean {
  return (
    typeof container.requestFullscreen === 'function' ||
    typeof (video as WebkitVideo).webkitEnterFullscreen === 'function'
  );
}
