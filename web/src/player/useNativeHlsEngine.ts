import { useEffect, type RefObject } from 'react';
import { engineFor, startAttempt, type StreamRequest } from './playbackAttempt';
import type { PlaybackNotices } from './usePlaybackNotices';
import { mediaErrorCode } from './serverErrorCode';

/** The browser's own HLS (Safari without MediaSource): the signed playlist URL as the video's source. */
export function useNativeHlsEngine(
  video: RefObject<HTMLVideoElement | null>,
  stream: StreamRequest,
  notices: PlaybackNotices,
) {
  const { url, attempt, startAt } = stream;
  useEffect(() => {
    const element = video.current;
    if (!element || !url || engineFor(element) !== 'native') return;
    const run = startAttempt(element, { url, attempt, startAt }, notices);
    const onLoaded = () => {
      if (run.position > 0) element.currentTime = run.position;
      run.play();
    };
    const onError = () =>
      run.fail({
        status: null,
        kind: element.error?.code === MediaError.MEDIA_ERR_NETWORK ? 'network' : 'media',
        code: mediaErrorCode(element.error),
      });
    element.addEventListener('loadedmetadata', onLoaded, { once: true });
    element.addEventListener('error', onError);
    element.src = url;
    return () => {
      run.cancel();
      element.removeEventListener('loadedmetadata', onLoaded);
      element.removeEventListener('error', onError);
      element.removeAttribute('src');
      element.load();
    };
  }, [video, url, attempt, startAt, notices]);
}
