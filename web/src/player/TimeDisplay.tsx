import type { RefObject } from 'react';
import { formatDuration } from '../format/formatDuration';
import { knownDuration } from './knownDuration';
import { useVideoValue } from './useVideoValue';

const timeEvents = ['timeupdate', 'seeked', 'durationchange', 'emptied'] as const;
const timeOf = (element: HTMLVideoElement) => element.currentTime;
const durationOf = (element: HTMLVideoElement) => element.duration;

/** "1:05 / 3:20": whole seconds gone, as players count (a clock does not round up). */
export function TimeDisplay({
  video,
  itemDuration,
}: {
  video: RefObject<HTMLVideoElement | null>;
  itemDuration: number;
}) {
  const current = useVideoValue(video, timeEvents, timeOf, 0);
  const own = useVideoValue(video, timeEvents, durationOf, NaN);
  const duration = knownDuration(Number.isFinite(own) ? video.current : null, itemDuration);
  return (
    <span className="player-time">
      <span className="player-time-current">{formatDuration(Math.floor(current))}</span>
      {' / '}
      <span className="player-time-duration">{formatDuration(duration)}</span>
    </span>
  );
}
