import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the video has a frame to show yet (`loadeddata`: readyState reached
 * HAVE_CURRENT_DATA), per attempt: until then the player shows the poster over it, since a
 * browser may paint the element black once a MediaSource is attached.
 */
export function useFirstFrame(video: RefObject<HTMLVideoElement | null>, attempt: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    setShown(element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA);
    const onData = () => setShown(true);
    const onEmptied = () => setShown(false);
    element.addEventListener('loadeddata', onData);
    element.addEventListener('emptied', onEmptied);
    return () => {
      element.removeEventListener('loadeddata', onData);
      element.removeEventListener('emptied', onEmptied);
    };
  }, [video, attempt]);
  return shown;
}
