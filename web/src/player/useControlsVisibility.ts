import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { FocusEvent, MouseEvent, PointerEvent } from 'react';
import { togglePlayback } from './togglePlayback';

/** How long the bar stays after the last sign of someone there, while the video plays. */
export const hideAfterMs = 3000;

/** Focus the keyboard put there (Tab), not the leftover focus of a clicked button. */
function keyboardFocusIn(bar: HTMLElement): boolean {
  const active = document.activeElement;
  return active instanceof HTMLElement && bar.contains(active) && active.matches(':focus-visible');
}

/**
 * The control bar's show and hide, as Jellyfin/YouTube/Plex do: shown while paused, while a
 * menu is open, while the mouse is over the bar and while keyboard focus is in it; otherwise
 * hidden ~3 s after the last pointer move, tap, key or focus. A click on the picture plays or
 * pauses; a tap (touch) shows the bar, or hides it while playing, as phones do.
 */
export function useControlsVisibility(video: RefObject<HTMLVideoElement | null>, bar: RefObject<HTMLElement | null>) {
  const [shown, setShown] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const menuOpen = useRef(false);
  const overBar = useRef(false);
  const lastPointer = useRef('mouse');

  const mayHide = useCallback(() => {
    const element = video.current;
    const chrome = bar.current;
    if (!element || element.paused || element.ended || menuOpen.current || overBar.current) return false;
    return !chrome || !keyboardFocusIn(chrome);
  }, [video, bar]);

  const hide = useCallback(() => {
    clearTimeout(timer.current);
    // A clicked button keeps focus; hidden, Space would press it instead of pausing.
    const active = document.activeElement;
    if (active instanceof HTMLElement && bar.current?.contains(active)) active.blur();
    setShown(false);
  }, [bar]);

  const reveal = useCallback(() => {
    setShown(true);
    clearTimeout(timer.current);
    const check = () => {
      if (mayHide()) hide();
      else timer.current = setTimeout(check, hideAfterMs);
    };
    timer.current = setTimeout(check, hideAfterMs);
  }, [mayHide, hide]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const stay = () => {
      clearTimeout(timer.current);
      setShown(true);
    };
    element.addEventListener('play', reveal);
    element.addEventListener('pause', stay);
    element.addEventListener('ended', stay);
    // The player's keys (seek, speed, mute) show the bar with what they changed.
    window.addEventListener('keydown', reveal);
    return () => {
      clearTimeout(timer.current);
      element.removeEventListener('play', reveal);
      element.removeEventListener('pause', stay);
      element.removeEventListener('ended', stay);
      window.removeEventListener('keydown', reveal);
    };
  }, [video, reveal]);

  /** On the whole player: any real mouse move, and focus arriving, bring the bar back. */
  const player = {
    onPointerMove: (event: PointerEvent) => {
      // Browsers send still "moves" when the page changes under a resting mouse.
      if (event.pointerType === 'mouse' && event.movementX === 0 && event.movementY === 0) return;
      if (event.pointerType === 'mouse') reveal();
    },
    onFocus: reveal,
  };

  /** On the picture (the video element): click plays or pauses; tap shows or hides the bar. */
  const picture = {
    onPointerDown: (event: PointerEvent) => {
      lastPointer.current = event.pointerType;
    },
    onClick: (_event: MouseEvent) => {
      const element = video.current;
      if (!element) return;
      if (lastPointer.current === 'mouse') {
        togglePlayback(element);
        reveal();
      } else if (shown && mayHide()) hide();
      else reveal();
    },
  };

  /** On the bar: a mouse over it or an open menu keeps it; touching it counts as activity. */
  const chrome = {
    onPointerEnter: (event: PointerEvent) => {
      if (event.pointerType === 'mouse') overBar.current = true;
    },
    onPointerLeave: () => {
      overBar.current = false;
    },
    onPointerDown: (event: PointerEvent) => {
      if ((event.target as HTMLElement).tagName === 'SELECT') menuOpen.current = true;
      reveal();
    },
    onClick: (event: MouseEvent) => {
      // A button clicked with a pointer gives its focus back, so Space pauses rather than
      // pressing it again (a keyboard press, detail 0, keeps focus where the person put it).
      const button = (event.target as HTMLElement).closest('button');
      if (button && event.detail > 0) button.blur();
    },
    onChange: () => {
      menuOpen.current = false;
      reveal();
    },
    onBlur: (event: FocusEvent) => {
      if (event.target.tagName === 'SELECT') menuOpen.current = false;
    },
  };

  return { shown, player, picture, chrome };
}
