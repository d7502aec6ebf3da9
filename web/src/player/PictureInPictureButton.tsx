import { useEffect, useState, type RefObject } from 'react';
import { PictureInPictureIcon } from '../components/icons';
import { canPictureInPicture, togglePictureInPicture } from './pictureInPicture';

/** Shown only where the browser offers picture-in-picture (standard API or iOS Safari's). */
export function PictureInPictureButton({ video }: { video: RefObject<HTMLVideoElement | null> }) {
  const [supported, setSupported] = useState(false);
  const [active, setActive] = useState(false);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    setSupported(canPictureInPicture(element));
    const onEnter = () => setActive(true);
    const onLeave = () => setActive(false);
    element.addEventListener('enterpictureinpicture', onEnter);
    element.addEventListener('leavepictureinpicture', onLeave);
    return () => {
      element.removeEventListener('enterpictureinpicture', onEnter);
      element.removeEventListener('leavepictureinpicture', onLeave);
    };
  }, [video]);
  if (!supported) return null;
  return (
    <button
      type="button"
      className="icon-button player-button"
      aria-label="Picture in picture"
      aria-pressed={active}
      title="Picture in picture (p)"
      onClick={() => video.current && togglePictureInPicture(video.current)}
    >
      <PictureInPictureIcon />
    </button>
  );
}
