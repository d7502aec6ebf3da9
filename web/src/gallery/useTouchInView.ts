import { useEffect, useState, type RefObject } from 'react';

/**
 * True while the element is mostly on screen, on devices without hover (phones, tablets):
 * there the animated preview plays as the tile scrolls into view instead of on hover.
 * Off for people who asked for reduced motion.
 */
export function useTouchInView(ref: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    if (!matchMedia('(hover: none)').matches || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const observer = new IntersectionObserver(([entry]) => setInView(Boolean(entry?.isIntersecting)), {
      threshold: 0.75,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return inView;
}
