/** Safari's older presentation-mode API, which iOS Safari has for picture-in-picture. */
interface WebkitVideo extends HTMLVideoElement {
  webkitSupportsPresentationMode?: (mode: string) => boolean;
  webkitSetPresentationMode?: (mode: 'inline' | 'picture-in-picture') => void;
  webkitPresentationMode?: string;
}

export function canPictureInPicture(video: HTMLVideoElement): boolean {
  if (document.pictureInPictureEnabled && !video.disablePictureInPicture) return true;
  return (video as WebkitVideo).webkitSupportsPresentationMode?.('picture-in-picture') === true;
}

/** Whether this video is the one in the floating window (standard API or iOS Safari's). */
export function inPictureInPicture(video: HTMLVideoElement): boolean {
  return (
    document.pictureInPictureElement === video || (video as WebkitVideo).webkitPresentationMode === 'picture-in-picture'
  );
}

/** Into a floating window that stays while the person does something else, and back. */
export function togglePictureInPicture(video: HTMLVideoElement): void {
  const safari = video as WebkitVideo;
  if (document.pictureInPictureEnabled) {
    if (document.pictureInPictureElement) void document.exitPictureInPicture().catch(() => {});
    else void video.requestPictureInPicture().catch(() => {});
  } else if (safari.webkitSetPresentationMode) {
    const inPip = safari.webkitPresentationMode === 'picture-in-picture';
    safari.webkitSetPresentationMode(inPip ? 'inline' : 'picture-in-picture');
  }
}
