import { useRef, useState, type PointerEvent, type KeyboardEvent, type RefObject } from 'react';
import { formatDuration } from '../../format/formatDuration';
import { SeekPreview } from './SeekPreview';
import { useTrickplayIndex } from './useTrickplayIndex';
import { knownDuration } from '../knownDuration';
import { useVideoValue } from '../useVideoValue';

interface Props {
  video: RefObject<HTMLVideoElement | null>;
  /** The signed index URL of the seek-bar previews (null: the bar seeks without pictures). */
  trickplayUrl: string | null;
  /** The item's duration, until the video element knows its own. */
  duration: number;
}

interface Pointing {
  time: number;
  x: number;
  width: number;
}

const timeEvents = ['timeupdate', 'seeked'] as const;
const timeOf = (element: HTMLVideoElement) => element.currentTime;

/**
 * The player's one seek bar (in its ControlBar; the video has no native controls), the same
 * with hls.js and with the browser's own HLS (Safari, iOS): a mouse hovering shows the frame of the moment under it; a
 * finger (or a pressed mouse) drags, showing the frame, and lets go to seek there.
 */
export function SeekBar({ video, trickplayUrl, duration: itemDuration }: Props) {
  const bar = useRef<HTMLDivElement>(null);
  const index = useTrickplayIndex(trickplayUrl);
  const current = useVideoValue(video, timeEvents, timeOf, 0);
  const [pointing, setPointing] = useState<Pointing | null>(null);
  const [dragging, setDragging] = useState(false);
  const duration = knownDuration(video.current, itemDuration);

  const pointAt = (event: PointerEvent<HTMLDivElement>): Pointing | null => {
    const rect = bar.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || duration <= 0) return null;
    const x = Math.min(Math.max(0, event.clientX - rect.left), rect.width);
    return { time: (x / rect.width) * duration, x, width: rect.width };
  };
  const seekTo = (time: number) => {
    if (video.current) video.current.currentTime = Math.min(Math.max(0, time), duration);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
    setPointing(pointAt(event));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    // A mouse shows previews while hovering; a finger only while it drags.
    if (dragging || event.pointerType === 'mouse') setPointing(pointAt(event));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    const at = pointAt(event);
    setDragging(false);
    if (at) seekTo(at.time);
    if (event.pointerType !== 'mouse') setPointing(null);
  };
  const onPointerLeave = () => {
    if (!dragging) setPointing(null);
  };
  const onPointerCancel = () => {
    setDragging(false);
    setPointing(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowLeft: -5, ArrowRight: 5, Home: -Infinity, End: Infinity }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    seekTo(Number.isFinite(step) ? current + step : step < 0 ? 0 : duration);
  };

  const played = duration > 0 ? Math.min(100, (current / duration) * 100) : 0;
  return (
    <div className="seek">
      <div
        ref={bar}
        className="seek-bar"
        role="slider"
        tabIndex={0}
        aria-label="Seek"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={Math.round(current)}
        aria-valuetext={`${formatDuration(current)} of ${formatDuration(duration)}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={onPointerLeave}
        onPointerCancel={onPointerCancel}
        onKeyDown={onKeyDown}
      >
        {pointing && <SeekPreview index={index} time={pointing.time} x={pointing.x} barWidth={pointing.width} />}
        <div className="seek-bar-track">
          <div className="seek-bar-played" style={{ width: `${played}%` }} />
        </div>
      </div>
    </div>
  );
}
