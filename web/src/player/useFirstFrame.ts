import type { RefObject } from 'react';
import { useVideoValue } from './useVideoValue';

const frameEvents = ['loadeddata', 'emptied'] as const;
const hasFrame = (element: HTMLVideoElement) => element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA;

/**
 * Whether the video has a frame to show yet (`loadeddata`: readyState reached
 * HAVE_CURRENT_DATA; `emptied` starts over), per attempt: until then the player shows the poster
 * over it, since a browser may paint the element black once a MediaSource is attached.
 */
export function useFirstFrame(video: RefObject<HTMLVideoElement | null>, attempt: number): boolean {
  return useVideoValue(video, frameEvents, hasFrame, false, attempt);
}
