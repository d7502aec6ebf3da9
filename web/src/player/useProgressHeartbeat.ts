import { useEffect, type RefObject } from 'react';
import { savePlaybackPosition } from '../api/media';

const intervalMs = 10_000;

/**
 * Saves the position every ~10 s while playing, on pause, and when the player closes, so
 * another device (or tomorrow) resumes where this one stopped. A finished video is saved
 * as 0: next time it starts over. Each heartbeat is also an authenticated request, so a
 * revoked session is noticed within one interval even while segments are all cached.
 */
export function useProgressHeartbeat(video: RefObject<HTMLVideoElement | null>, mediaId: string) {
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let lastSent = -1;
    const send = (position: number, keepalive = false) => {
      if (Math.abs(position - lastSent) < 1) return;
      lastSent = position;
      savePlaybackPosition(mediaId, position, keepalive).catch(() => {
        // A lost heartbeat costs a few seconds of resume accuracy; an ended session is handled by apiFetch.
      });
    };
    const timer = setInterval(() => {
      if (!element.paused && !element.ended) send(element.currentTime);
    }, intervalMs);
    const onPause = () => {
      if (!element.ended && element.currentTime > 0) send(element.currentTime);
    };
    const onEnded = () => send(0);
    element.addEventListener('pause', onPause);
    element.addEventListener('ended', onEnded);
    return () => {
      clearInterval(timer);
      element.removeEventListener('pause', onPause);
      element.removeEventListener('ended', onEnded);
      if (element.currentTime > 0 && !element.ended) send(element.currentTime, true);
    };
  }, [video, mediaId]);
}
