import { useEffect, useState, type RefObject } from 'react';

/**
 * A value read off the video element, read again whenever it fires one of `events` (and when
 * `resetKey` changes: a new attempt on a new source). `events` and `read` should be constants:
 * the listeners are set once per element and key.
 */
export function useVideoValue<T>(
  video: RefObject<HTMLVideoElement | null>,
  events: readonly string[],
  read: (element: HTMLVideoElement) => T,
  initial: T,
  resetKey?: unknown,
): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const update = () => setValue(read(element));
    update();
    for (const event of events) element.addEventListener(event, update);
    return () => {
      for (const event of events) element.removeEventListener(event, update);
    };
    // The listeners follow the element and the attempt; events and read are the caller's constants.
  }, [video, resetKey]);
  return value;
}
