import { useEffect, useRef, type RefObject } from 'react';
import { ApiError } from '../api/ApiError';
import { savePlaybackPosition } from '../api/media';

const intervalMs = 10_000;

/**
 * Saves the position when playback starts, every ~10 s while playing, on pause and when the
 * player closes, so another device (or tomorrow) resumes where this one stopped; a finished
 * video is saved as 0, to start over. The heartbeats also hold this stream's slot in the
 * account's limit of concurrent streams: a refusal stops playback with the server's reason.
 * Each is an authenticated request, so a revoked session is noticed within one interval
 * even while every segment is already buffered.
 */
export function useProgressHeartbeat(
  video: RefObject<HTMLVideoElement | null>,
  mediaId: string,
  onRefused: (error: ApiError) => void,
) {
  const refused = useRef(onRefused);
  useEffect(() => {
    refused.current = onRefused;
  });
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let lastSent = -1;
    const send = (position: number, keepalive = false) => {
      if (Math.abs(position - lastSent) < 1) return;
      lastSent = position;
      savePlaybackPosition(mediaId, position, keepalive).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'MEDIA_006') {
          element.pause();
          refused.current(error);
        }
        // Otherwise a lost heartbeat costs a few seconds of resume accuracy; an ended session is handled by apiFetch.
      });
    };
    const timer = setInterval(() => {
      if (!element.paused && !element.ended) send(element.currentTime);
    }, intervalMs);
    const onPause = () => {
      if (!element.ended && element.currentTime > 0) send(element.currentTime);
    };
    const onEnded = () => send(0);
    const onPlaying = () => send(element.currentTime);
    element.addEventListener('playing', onPlaying);
    element.addEventListener('pause', onPause);
    element.addEventListener('ended', onEnded);
    return () => {
      clearInterval(timer);
      element.removeEventListener('playing', onPlaying);
      element.removeEventListener('pause', onPause);
      element.removeEventListener('ended', onEnded);
      if (element.currentTime > 0 && !element.ended) send(element.currentTime, true);
    };
  }, [video, mediaId]);
}
