import { useEffect, useRef } from 'react';
import { isTyping } from '../keyboard/isTyping';

const upKeys = new Set(['ArrowUp', 'PageUp', 'Home']);

/**
 * Calls `onUp` whenever the person scrolls, or tries to scroll, up: the page moving up, and at
 * the very top (where the page cannot move) a wheel turned up, a finger drawn down or an
 * up key. That is what asks for the items above a jump when there is nothing above to scroll to.
 */
export function useUpwardScroll(onUp: () => void, enabled: boolean): void {
  const callback = useRef(onUp);
  callback.current = onUp;
  useEffect(() => {
    if (!enabled) return;
    let lastY = window.scrollY;
    let touchY: number | null = null;
    const up = () => callback.current();
    const onScroll = () => {
      if (window.scrollY < lastY) up();
      lastY = window.scrollY;
    };
    const onWheel = (event: WheelEvent) => event.deltaY < 0 && up();
    const onKey = (event: KeyboardEvent) => {
      if (upKeys.has(event.key) && !event.defaultPrevented && !isTyping(event.target)) up();
    };
    const onTouchStart = (event: TouchEvent) => (touchY = event.touches[0]?.clientY ?? null);
    const onTouchMove = (event: TouchEvent) => {
      const y = event.touches[0]?.clientY;
      if (touchY !== null && y !== undefined && y > touchY) up();
    };
    const passive = { passive: true };
    window.addEventListener('scroll', onScroll, passive);
    window.addEventListener('wheel', onWheel, passive);
    window.addEventListener('keydown', onKey);
    window.addEventListener('touchstart', onTouchStart, passive);
    window.addEventListener('touchmove', onTouchMove, passive);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('touchstart', onTouchStart);
      window.removeEventListener('touchmove', onTouchMove);
    };
  }, [enabled]);
}
