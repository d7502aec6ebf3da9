import type { RefObject } from 'react';
import { PictureInPictureIcon } from '../components/icons';
import { canPictureInPicture, inPictureInPicture, togglePictureInPicture } from './pictureInPicture';
import { useVideoValue } from './useVideoValue';

const pipEvents = ['enterpictureinpicture', 'leavepictureinpicture', 'webkitpresentationmodechanged'] as const;

/** Shown only where the browser offers picture-in-picture (standard API or iOS Safari's). */
export function PictureInPictureButton({ video }: { video: RefObject<HTMLVideoElement | null> }) {
  const supported = useVideoValue(video, [], canPictureInPicture, false);
  const active = useVideoValue(video, pipEvents, inPictureInPicture, false);
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
