import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { MonthCount } from '../api/types';
import { monthLabel } from '../gallery/monthJump';
import { monthAt, scrubberScale, yearMarks } from './scrubberScale';
import '../styles/timeline.css';

interface Props {
  /** Per-month counts in the order the grid shows them. */
  months: readonly MonthCount[];
  /** The month at the top of the screen (or the one jumped to, until the grid says). */
  current: string | null;
  onJump: (month: string) => void;
}

/** Year labels need this much room (px) between them. */
const labelGap = 18;

/**
 * The timeline down the right edge: years and months as tall as their share of the items.
 * Drag (mouse or thumb) and the month under the pointer is shown beside it; letting go jumps
 * there. With the keyboard it is a slider: ↑/↓ a month, PageUp/PageDown a year, Home/End.
 */
export function TimelineScrubber({ months, current, onJump }: Props) {
  const bar = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  const [dragging, setDragging] = useState<{ month: string; at: number } | null>(null);
  const scale = useMemo(() => scrubberScale(months), [months]);
  const marks = useMemo(() => yearMarks(scale, height > 0 ? labelGap / height : 1), [scale, height]);
  const index = Math.max(
    0,
    scale.findIndex((month) => month.month === current),
  );

  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(([entry]) => entry && setHeight(entry.contentRect.height));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const pointAt = (event: PointerEvent) => {
    const rect = bar.current!.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height));
    const month = monthAt(scale, fraction);
    return month ? { month: month.month, at: fraction } : null;
  };

  const step = (delta: number) => {
    const target = scale[Math.min(scale.length - 1, Math.max(0, index + delta))];
    if (target) onJump(target.month);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowRight: 1,
      ArrowUp: -1,
      ArrowLeft: -1,
      PageDown: 12,
      PageUp: -12,
      Home: -scale.length,
      End: scale.length,
    };
    const delta = moves[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    step(delta);
  };

  if (scale.length < 2) return null;
  const shown = dragging?.month ?? current ?? scale[0]!.month;
  return (
    <div
      ref={bar}
      className={dragging ? 'timeline-scrubber dragging' : 'timeline-scrubber'}
      role="slider"
      tabIndex={0}
      aria-label="Jump to a month"
      aria-orientation="vertical"
      aria-valuemin={0}
      aria-valuemax={scale.length - 1}
      aria-valuenow={index}
      aria-valuetext={monthLabel(shown)}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        setDragging(pointAt(event));
      }}
      onPointerMove={(event) => {
        if (dragging) setDragging(pointAt(event));
      }}
      onPointerUp={(event) => {
        const point = pointAt(event);
        setDragging(null);
        if (point) onJump(point.month);
      }}
      onPointerCancel={() => setDragging(null)}
    >
      {marks.map((mark) => (
        <span key={mark.year} className="timeline-year" style={{ top: `${mark.at * 100}%` }}>
          {mark.year}
        </span>
      ))}
      {scale.map((month) => (
        <span
          key={month.month}
          className="timeline-month"
          data-month={month.month}
          style={{ top: `${month.start * 100}%`, height: `${(month.end - month.start) * 100}%` }}
        />
      ))}
      {scale[index] && (
        <span className="timeline-thumb" aria-hidden="true" style={{ top: `${scale[index].start * 100}%` }} />
      )}
      {dragging && (
        <span className="timeline-bubble" aria-hidden="true" style={{ top: `${dragging.at * 100}%` }}>
          {monthLabel(dragging.month)}
        </span>
      )}
    </div>
  );
}
