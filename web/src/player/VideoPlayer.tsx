import { useRef, useState } from 'react';
import type { MediaDetails } from '../api/types';
import { formatDuration } from '../format/formatDuration';
import '../styles/player.css';
import type { StreamRequest } from './playbackAttempt';
import { playbackErrorMessage } from './playbackErrorMessage';
import { resumePosition } from '@keepsake/contracts';
import { ControlBar } from './ControlBar';
import { useControlsVisibility } from './useControlsVisibility';
import { useFirstFrame } from './useFirstFrame';
import { useFreshAttempt } from './useFreshAttempt';
import { useHlsJsEngine } from './useHlsJsEngine';
import { useNativeHlsEngine } from './useNativeHlsEngine';
import { usePlaybackNotices } from './usePlaybackNotices';
import { usePlayerShortcuts } from './usePlayerShortcuts';
import { useProgressHeartbeat } from './useProgressHeartbeat';

interface Props {
  details: MediaDetails;
  /** Fetches the item again: signed URLs are short-lived, a retry needs fresh ones. */
  onRefresh: () => Promise<unknown>;
}

/**
 * Plays the encrypted HLS stream: hls.js on MediaSource, else the browser's own HLS, both
 * with the server's signed URLs (key and segment URIs in the playlists are signed too).
 * Our own control bar (ControlBar) over the picture, no native controls: one seek bar, one
 * set of buttons, the same under both engines (iPhone Safari's full screen is the system's
 * player, with its own). The poster stays until the first frame. Failures end in a message
 * with its error code and a retry, never a blank box.
 */
export default function VideoPlayer({ details, onRefresh }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  const { error, needsTap, notices } = usePlaybackNotices();
  const [startAt] = useState(() => resumePosition(details.resume_position, details.duration));
  const [resumed, setResumed] = useState(startAt > 0);
  const stream: StreamRequest = { url: details.stream_url, attempt, startAt };

  usePlayerShortcuts(video, container);
  useProgressHeartbeat(video, details.id, () =>
    notices.setError(playbackErrorMessage({ status: 429, kind: 'network', sessionValid: true })),
  );
  useFreshAttempt(video, stream, notices);
  const firstFrame = useFirstFrame(video, attempt);
  const engine = useHlsJsEngine(video, stream, notices);
  useNativeHlsEngine(video, stream, notices);
  const controls = useControlsVisibility(video, bar);

  const retry = async () => {
    notices.setError(null);
    await onRefresh().catch(() => {});
    setAttempt((count) => count + 1);
  };

  const resumedNotice = resumed && (
    <span className="player-resumed">
      Resumed at {formatDuration(startAt)} ·{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          if (video.current) video.current.currentTime = 0;
          setResumed(false);
        }}
      >
        Start over
      </button>
    </span>
  );

  return (
    // The class stays "player" alone (full screen is told by it); the bar's state is an attribute.
    <div
      ref={container}
      className="player"
      data-controls={controls.shown || error ? 'shown' : 'hidden'}
      {...controls.player}
    >
      <div className="player-stage">
        <video
          ref={video}
          className="player-video"
          playsInline
          preload="metadata"
          poster={details.poster_url ?? undefined}
          aria-label={`Video: ${details.original_name}`}
          onPlaying={() => notices.setNeedsTap(false)}
          {...controls.picture}
        />
        {details.poster_url && !firstFrame && !error && (
          <img className="player-poster" src={details.poster_url} alt="" aria-hidden="true" />
        )}
        {needsTap && !error && (
          <button
            type="button"
            className="player-big-play"
            aria-label="Play"
            onClick={() => void video.current?.play().catch(() => {})}
          >
            ▶
          </button>
        )}
        {error && (
          <div className="player-error" role="alert">
            <p>{error.message}</p>
            {error.code && <p className="player-error-code">Error code: {error.code}</p>}
            <button type="button" className="button primary" onClick={() => void retry()}>
              Try again
            </button>
          </div>
        )}
      </div>
      {!error && (
        <ControlBar
          video={video}
          container={container}
          bar={bar}
          trickplayUrl={details.trickplay_url}
          itemDuration={details.duration ?? 0}
          engine={engine}
          handlers={controls.chrome}
          notice={resumedNotice}
        />
      )}
    </div>
  );
}
