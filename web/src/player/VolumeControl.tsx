import type { RefObject } from 'react';
import { VolumeIcon } from '../components/icons';
import { useVideoValue } from './useVideoValue';

const volumeEvents = ['volumechange'] as const;
const mutedOf = (element: HTMLVideoElement) => element.muted;
const volumeOf = (element: HTMLVideoElement) => element.volume;

/**
 * Mute (m does the same) and a volume slider. The slider is hidden on touch screens
 * (player.css), whose volume is the phone's own buttons; iOS ignores `volume` anyway.
 */
export function VolumeControl({ video }: { video: RefObject<HTMLVideoElement | null> }) {
  const muted = useVideoValue(video, volumeEvents, mutedOf, false);
  const volume = useVideoValue(video, volumeEvents, volumeOf, 1);
  const silent = muted || volume === 0;
  return (
    <span className="player-volume">
      <button
        type="button"
        className="icon-button player-button"
        aria-label="Mute"
        aria-pressed={muted}
        title="Mute (m)"
        onClick={() => {
          if (video.current) video.current.muted = !video.current.muted;
        }}
      >
        <VolumeIcon muted={silent} />
      </button>
      <input
        type="range"
        className="player-volume-slider"
        aria-label="Volume"
        min={0}
        max={1}
        step={0.05}
        value={muted ? 0 : volume}
        onChange={(event) => {
          const element = video.current;
          if (!element) return;
          const level = Number(event.target.value);
          element.volume = level;
          // Dragging up from silence means sound on; down to zero is as good as mute.
          element.muted = level === 0;
        }}
      />
    </span>
  );
}
