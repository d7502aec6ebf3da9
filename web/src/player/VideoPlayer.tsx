import { useId, useRef, useState } from 'react';
import type { MediaDetails } from '../api/types';
import { formatDuration } from '../format/formatDuration';
import '../styles/player.css';
import type { StreamRequest } from './playbackAttempt';
import { playbackErrorMessage } from './playbackErrorMessage';
import { SubtitlesMenu } from './SubtitlesMenu';
import { resumePosition } from '@keepsake/contracts';
import { FullscreenButton } from './FullscreenButton';
import { PictureInPictureButton } from './PictureInPictureButton';
import { SpeedMenu } from './SpeedMenu';
import { useFirstFrame } from './useFirstFrame';
import { SeekBar } from './seekPreview/SeekBar';
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
 * The poster stays until the first frame; speed, picture-in-picture and full screen (iPhone
 * Safari's too) sit in the bar. Failures end in a message with its error code and a retry,
 * never a blank box.
 */
export default function VideoPlayer({ details, onRefresh }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const qualityId = useId();
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
  const { levels, chosenLevel, playingLevel, chooseLevel, subtitles, chosenSubtitle, chooseSubtitle } = useHlsJsEngine(
    video,
    stream,
    notices,
  );
  useNativeHlsEngine(video, stream, notices);

  const retry = async () => {
    notices.setError(null);
    await onRefresh().catch(() => {});
    setAttempt((count) => count + 1);
  };

  const playingLabel = levels.find((level) => level.index === playingLevel)?.label;

  return (
    <div ref={container} className="player">
      <div className="player-stage">
        <video
          ref={video}
          className="player-video"
          controls
          playsInline
          preload="metadata"
          poster={details.poster_url ?? undefined}
          aria-label={`Video: ${details.original_name}`}
          onPlaying={() => notices.setNeedsTap(false)}
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
      <SeekBar video={video} trickplayUrl={details.trickplay_url} duration={details.duration ?? 0} />
      <div className="player-bar">
        {resumed && (
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
        )}
        <SubtitlesMenu tracks={subtitles} chosen={chosenSubtitle} onChoose={chooseSubtitle} />
        <span className="player-controls">
          <SpeedMenu video={video} />
          <PictureInPictureButton video={video} />
          <FullscreenButton video={video} container={container} />
        </span>
        {levels.length > 1 && (
          <span className="player-quality">
            <label htmlFor={qualityId}>Quality</label>
            <select id={qualityId} value={chosenLevel} onChange={(event) => chooseLevel(Number(event.target.value))}>
              <option value={-1}>Auto{chosenLevel === -1 && playingLabel ? ` (${playingLabel})` : ''}</option>
              {levels.map((level) => (
                <option key={level.index} value={level.index}>
                  {level.label}
                </option>
              ))}
            </select>
          </span>
        )}
        <span className="player-keys muted">Space play · ←/→ seek · Shift+F full screen · ? all keys</span>
      </div>
    </div>
  );
}
