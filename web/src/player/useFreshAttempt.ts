import { useEffect, type RefObject } from 'react';
import { engineFor, type StreamRequest } from './playbackAttempt';
import { playbackErrorMessage } from './playbackErrorMessage';
import type { PlaybackNotices } from './usePlaybackNotices';

/**
 * Each attempt starts clear of the last one's notices, and says at once when nothing can
 * play it: the video is not ready, or this browser has neither engine. Called before the
 * engine hooks, so their notices come after this reset.
 */
export function useFreshAttempt(
  video: RefObject<HTMLVideoElement | null>,
  stream: StreamRequest,
  notices: PlaybackNotices,
) {
  const { url, attempt } = stream;
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    notices.setError(null);
    notices.setNeedsTap(false);
    if (!url) notices.setError('This video is not ready to play yet.');
    else if (engineFor(element) === null) {
      notices.setError(playbackErrorMessage({ status: null, kind: 'unsupported', sessionValid: true }));
    }
  }, [video, url, attempt, stream.startAt, notices]);
}
