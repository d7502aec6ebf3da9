import type { RefObject } from 'react';
import { PauseIcon, PlayIcon } from '../components/icons';
import { togglePlayback } from './togglePlayback';
import { useVideoValue } from './useVideoValue';

const playEvents = ['play', 'pause', 'ended', 'emptied'] as const;
const pausedOf = (element: HTMLVideoElement) => element.paused || element.ended;

/** The bar's first button: Play while paused, Pause while playing (Space and k do the same). */
export function PlayPauseButton({ video }: { video: RefObject<HTMLVideoElement | null> }) {
  const paused = useVideoValue(video, playEvents, pausedOf, true);
  const name = paused ? 'Play' : 'Pause';
  return (
    <button
      type="button"
      className="icon-button player-button"
      aria-label={name}
      title={`${name} (k)`}
      onClick={() => video.current && togglePlayback(video.current)}
    >
      {paused ? <PlayIcon size={20} /> : <PauseIcon size={20} />}
    </button>
  );
}
