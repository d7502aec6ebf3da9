import Hls, { type ErrorData, type Level } from 'hls.js/light';
import { useEffect, useId, useRef, useState } from 'react';
import { apiFetch } from '../api/apiFetch';
import { endsSession } from '../api/sessionEnded';
import type { MediaDetails } from '../api/types';
import { formatDuration } from '../format/formatDuration';
import '../styles/player.css';
import { chooseEngine } from './chooseEngine';
import { playbackErrorMessage, type PlaybackProblem } from './playbackErrorMessage';
import { resumePosition } from './resumePosition';
import { usePlayerShortcuts } from './usePlayerShortcuts';
import { useProgressHeartbeat } from './useProgressHeartbeat';

interface Props {
  details: MediaDetails;
  /** Fetches the item again: signed URLs are short-lived, a retry needs fresh ones. */
  onRefresh: () => Promise<unknown>;
}

interface QualityLevel {
  index: number;
  label: string;
}

/**
 * Plays the encrypted HLS stream: hls.js on MediaSource, else the browser's own HLS, both
 * with the server's signed URLs (key and segment URIs in the playlists are signed too).
 * Failures end in a message and a retry, never a blank box.
 */
export default function VideoPlayer({ details, onRefresh }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const hls = useRef<Hls | null>(null);
  const qualityId = useId();
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [levels, setLevels] = useState<QualityLevel[]>([]);
  const [chosenLevel, setChosenLevel] = useState(-1);
  const [playingLevel, setPlayingLevel] = useState<number | null>(null);
  const [needsTap, setNeedsTap] = useState(false);
  const [startAt] = useState(() => resumePosition(details.resume_position, details.duration));
  const [resumed, setResumed] = useState(startAt > 0);
  const streamUrl = details.stream_url;

  usePlayerShortcuts(video, container);
  useProgressHeartbeat(video, details.id, () =>
    setError(playbackErrorMessage({ status: 429, kind: 'network', sessionValid: true })),
  );

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    setError(null);
    setNeedsTap(false);
    if (!streamUrl) {
      setError('This video is not ready to play yet.');
      return;
    }
    let cancelled = false;
    const fail = (problem: Omit<PlaybackProblem, 'sessionValid'>) => {
      void describeFailure(problem).then((message) => {
        if (!cancelled) setError(message);
      });
    };
    const start = () => {
      element.play().catch(() => {
        if (!cancelled) setNeedsTap(true); // autoplay refused: one tap on the big button
      });
    };
    // After a retry, continue from where it stopped rather than from the saved position.
    const position = attempt > 0 ? element.currentTime || startAt : startAt;

    const engine = chooseEngine(Hls.isSupported(), element.canPlayType('application/vnd.apple.mpegurl'));
    if (engine === 'hls.js') {
      const player = new Hls({ startPosition: position > 0 ? position : -1, capLevelToPlayerSize: true });
      hls.current = player;
      let recoveredMedia = false;
      player.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
        setLevels(qualityLevels(data.levels));
        start();
      });
      player.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => setPlayingLevel(data.level));
      player.on(Hls.Events.ERROR, (_event, data: ErrorData) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recoveredMedia) {
          recoveredMedia = true;
          player.recoverMediaError();
          return;
        }
        player.destroy();
        hls.current = null;
        fail({
          status: data.response?.code ?? null,
          kind:
            data.type === Hls.ErrorTypes.NETWORK_ERROR
              ? 'network'
              : data.type === Hls.ErrorTypes.MEDIA_ERROR
                ? 'media'
                : 'other',
        });
      });
      player.loadSource(streamUrl);
      player.attachMedia(element);
      return () => {
        cancelled = true;
        player.destroy();
        hls.current = null;
      };
    }
    if (engine === 'native') {
      const onLoaded = () => {
        if (position > 0) element.currentTime = position;
        start();
      };
      const onError = () =>
        fail({ status: null, kind: element.error?.code === MediaError.MEDIA_ERR_NETWORK ? 'network' : 'media' });
      element.addEventListener('loadedmetadata', onLoaded, { once: true });
      element.addEventListener('error', onError);
      element.src = streamUrl;
      return () => {
        cancelled = true;
        element.removeEventListener('loadedmetadata', onLoaded);
        element.removeEventListener('error', onError);
        element.removeAttribute('src');
        element.load();
      };
    }
    setError(playbackErrorMessage({ status: null, kind: 'unsupported', sessionValid: true }));
    return () => {
      cancelled = true;
    };
  }, [streamUrl, attempt, startAt]);

  const retry = async () => {
    setError(null);
    await onRefresh().catch(() => {});
    setAttempt((count) => count + 1);
  };

  const chooseLevel = (index: number) => {
    setChosenLevel(index);
    if (hls.current) hls.current.currentLevel = index;
  };

  const playingLabel = levels.find((level) => level.index === playingLevel)?.label;

  return (
    <div ref={container} className="player">
      <video
        ref={video}
        className="player-video"
        controls
        playsInline
        preload="metadata"
        poster={details.poster_url ?? undefined}
        aria-label={`Video: ${details.original_name}`}
        onPlaying={() => setNeedsTap(false)}
      />
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
          <p>{error}</p>
          <button type="button" className="button primary" onClick={() => void retry()}>
            Try again
          </button>
        </div>
      )}
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
        <span className="player-keys muted">Space play · ←/→ seek · F full screen · M mute</span>
      </div>
    </div>
  );
}

function qualityLevels(levels: Level[]): QualityLevel[] {
  return levels
    .map((level, index) => ({
      index,
      height: level.height,
      label: level.height ? `${level.height}p` : `${Math.round(level.bitrate / 1000)} kbps`,
    }))
    .sort((a, b) => b.height - a.height)
    .map(({ index, label }) => ({ index, label }));
}

/** After a refused media request, asks the API whether the session itself is still alive. */
async function describeFailure(problem: Omit<PlaybackProblem, 'sessionValid'>): Promise<string> {
  let sessionValid = true;
  if (problem.status === 401 || problem.status === 403 || problem.status === null) {
    try {
      await apiFetch('/api/auth/me');
    } catch (error) {
      // An ended session signs this device out (apiFetch does that); the page goes to sign-in.
      sessionValid = !endsSession(error);
    }
  }
  return playbackErrorMessage({ ...problem, sessionValid });
}
