import { useEffect, useState, type RefObject } from 'react';
import { FullscreenIcon } from '../components/icons';
import { canFullscreen, toggleFullscreen } from './fullscreen';

interface Props {
  video: RefObject<HTMLVideoElement | null>;
  container: RefObject<HTMLElement | null>;
}

/** Full screen, on iPhone Safari too (there the video alone, in the system's player). */
export function FullscreenButton({ video, container }: Props) {
  const [supported, setSupported] = useState(false);
  const [active, setActive] = useState(false);
  useEffect(() => {
    if (video.current && container.current) setSupported(canFullscreen(container.current, video.current));
    const follow = () =>
      setActive(document.fullscreenElement !== null && document.fullscreenElement === container.current);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, [video, container]);
  if (!supported) return null;
  return (
    <button
      type="button"
      className="icon-button player-button"
      aria-label="Full screen"
      aria-pressed={active}
      title="Full screen (Shift+F)"
      onClick={() => video.current && container.current && toggleFullscreen(container.current, video.current)}
    >
      <FullscreenIcon />
    </button>
  );
}
