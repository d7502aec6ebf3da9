import { useId, type RefObject } from 'react';
import { playbackSpeeds, setSpeed, speedLabel } from './playbackSpeeds';
import { useVideoValue } from './useVideoValue';

const rateEvents = ['ratechange'] as const;
const rateOf = (element: HTMLVideoElement) => element.playbackRate;

/** Playback speed, 0.5× to 2×; follows the `<` / `>` keys too (the video's ratechange). */
export function SpeedMenu({ video }: { video: RefObject<HTMLVideoElement | null> }) {
  const id = useId();
  const speed = useVideoValue(video, rateEvents, rateOf, 1);

  return (
    <span className="player-menu player-speed">
      <label htmlFor={id}>Speed</label>
      <select
        id={id}
        value={speed}
        onChange={(event) => {
          if (video.current) setSpeed(video.current, Number(event.target.value));
        }}
      >
        {!playbackSpeeds.some((choice) => choice === speed) && <option value={speed}>{speedLabel(speed)}</option>}
        {playbackSpeeds.map((choice) => (
          <option key={choice} value={choice}>
            {speedLabel(choice)}
          </option>
        ))}
      </select>
    </span>
  );
}
