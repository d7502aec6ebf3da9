import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { MediaItem } from '../api/types';
import { ChevronIcon, CloseIcon } from '../components/icons';
import { isTyping } from '../keyboard/isTyping';
import { SlideVideo } from './SlideVideo';
import { useSwipe } from './useSwipe';
import '../styles/slideshow.css';

/** Seconds a photo stays; videos play to their end. */
export const slideIntervals = [3, 5, 10, 20] as const;

interface Props {
  items: MediaItem[];
  startAt?: number;
  /** Above the photo, e.g. "3 years ago" for a memory. */
  caption?: (item: MediaItem) => ReactNode;
  /** A page of the view came to its end: load more, if there is more. */
  onNearEnd?: () => void;
  onClose: () => void;
  label?: string;
}

/**
 * A full-screen slideshow of any list of items (a memory, the gallery, an album, a search):
 * photos for a few seconds each, videos muted until asked. Space pauses, ←/→ move, Esc closes;
 * on a phone, swipe. It stops at the last item rather than looping.
 */
export default function Slideshow({ items, startAt = 0, caption, onNearEnd, onClose, label = 'Slideshow' }: Props) {
  const [index, setIndex] = useState(Math.min(startAt, Math.max(0, items.length - 1)));
  const [playing, setPlaying] = useState(true);
  const [seconds, setSeconds] = useState<number>(5);
  const closeButton = useRef<HTMLButtonElement>(null);
  const item = items[index];
  const last = index >= items.length - 1;
  const count = items.length;
  const move = useCallback(
    (step: number) => setIndex((current) => Math.min(count - 1, Math.max(0, current + step))),
    [count],
  );
  const swipe = useSwipe((direction) => move(direction === 'next' ? 1 : -1));

  useEffect(() => {
    if (index >= items.length - 3) onNearEnd?.();
  }, [index, items.length, onNearEnd]);

  // A photo's turn; a video's ends with the video.
  useEffect(() => {
    if (!playing || !item || item.type === 'video' || last) return;
    const timer = window.setTimeout(() => move(1), seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [playing, item, last, seconds, move]);

  useEffect(() => {
    const returnFocus = document.activeElement as HTMLElement | null;
    document.body.classList.add('viewer-open');
    closeButton.current?.focus();
    return () => {
      document.body.classList.remove('viewer-open');
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if (event.key === 'Escape') onClose();
      else if (event.key === ' ' || event.key === 'k') setPlaying((p) => !p);
      else if (event.key === 'ArrowRight') move(1);
      else if (event.key === 'ArrowLeft') move(-1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, move]);

  return (
    <div className="slideshow" role="dialog" aria-modal="true" aria-label={label}>
      <div className="slideshow-bar">
        <button ref={closeButton} type="button" className="icon-button" aria-label="Close slideshow" onClick={onClose}>
          <CloseIcon />
        </button>
        <span className="slideshow-caption">{item && caption?.(item)}</span>
        <span className="muted" aria-live="polite">
          {items.length > 0 ? `${index + 1} of ${items.length}` : ''}
        </span>
        <button
          type="button"
          className="button subtle"
          aria-pressed={!playing}
          title="Play or pause (space)"
          onClick={() => setPlaying((p) => !p)}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label className="slideshow-interval">
          <span className="visually-hidden">Seconds per photo</span>
          <select value={seconds} onChange={(event) => setSeconds(Number(event.target.value))}>
            {slideIntervals.map((s) => (
              <option key={s} value={s}>
                {s} s
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="slideshow-stage" {...swipe}>
        <button
          type="button"
          className="icon-button slideshow-step previous"
          aria-label="Previous"
          disabled={index === 0}
          onClick={() => move(-1)}
        >
          <ChevronIcon direction="left" />
        </button>
        {item &&
          (item.type === 'video' ? (
            <SlideVideo key={item.id} item={item} playing={playing} onEnded={() => move(1)} />
          ) : (
            <img
              key={item.id}
              className="slide-photo"
              src={item.image_url ?? item.thumbnail_url ?? undefined}
              alt={item.caption ?? item.original_name}
              data-id={item.id}
              draggable={false}
            />
          ))}
        <button
          type="button"
          className="icon-button slideshow-step next"
          aria-label="Next"
          disabled={last}
          onClick={() => move(1)}
        >
          <ChevronIcon direction="right" />
        </button>
      </div>
    </div>
  );
}
