import { useEffect, useId, useState, type RefObject } from 'react';
import { playbackSpeeds, setSpeed, speedLabel } from './playbackSpeeds';

/** Playback speed, 0.5× to 2×; follows the `<` / `>` keys too (the video's ratechange). */
export function SpeedMenu({ video }: { video: RefObject<HTMLVideoElement | null> }) {
  const id = useId();
  const [speed, setShown] = useState(1);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const onRate = () => setShown(element.playbackRate);
    element.addEventListener('ratechange', onRate);
    return () => element.removeEventListener('ratechange', onRate);
  }, [video]);

  return (
    <span className="player-speed">
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
