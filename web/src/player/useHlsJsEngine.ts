import Hls, { type ErrorData } from 'hls.js';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { engineFor, startAttempt, type StreamRequest } from './playbackAttempt';
import type { PlaybackProblem } from './playbackErrorMessage';
import type { PlaybackNotices } from './usePlaybackNotices';
import { qualityLevels, type QualityLevel } from './qualityLevels';
import { serverErrorCode } from './serverErrorCode';
import { subtitleChoices, type SubtitleChoice } from './subtitleTracks';

export interface Quality {
  /** Highest first; empty until hls.js has read the master playlist (and under native HLS). */
  levels: QualityLevel[];
  /** -1: automatic. */
  chosenLevel: number;
  playingLevel: number | null;
  chooseLevel(index: number): void;
  /** The master's subtitle tracks (hls.js only; Safari lists them in its own controls). */
  subtitles: SubtitleChoice[];
  /** -1: off. */
  chosenSubtitle: number;
  chooseSubtitle(index: number): void;
}

/**
 * hls.js on MediaSource: plays the signed master playlist (its key and segment URIs are
 * signed too), starts on the variant the master lists first (the processor's start rung, as
 * Safari does) and adapts from there, offers the quality menu, recovers once from a media
 * error, and says why it stopped otherwise, with the server's error code.
 */
export function useHlsJsEngine(
  video: RefObject<HTMLVideoElement | null>,
  stream: StreamRequest,
  notices: PlaybackNotices,
): Quality {
  const hls = useRef<Hls | null>(null);
  const [levels, setLevels] = useState<QualityLevel[]>([]);
  const [chosenLevel, setChosenLevel] = useState(-1);
  const [playingLevel, setPlayingLevel] = useState<number | null>(null);
  const [subtitles, setSubtitles] = useState<SubtitleChoice[]>([]);
  const [chosenSubtitle, setChosenSubtitle] = useState(-1);
  const { url, attempt, startAt } = stream;

  useEffect(() => {
    const element = video.current;
    if (!element || !url || engineFor(element) !== 'hls.js') return;
    const run = startAttempt(element, { url, attempt, startAt }, notices);
    const startPosition = run.position > 0 ? run.position : -1;
    // Loading waits for the master: hls.js would otherwise guess a start level from a default
    // bandwidth estimate instead of the one the processor put first.
    const player = new Hls({ startPosition, capLevelToPlayerSize: true, autoStartLoad: false });
    hls.current = player;
    let recoveredMedia = false;
    player.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
      setLevels(qualityLevels(data.levels));
      player.startLevel = data.firstLevel;
      player.startLoad(startPosition);
      run.play();
    });
    player.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => setPlayingLevel(data.level));
    player.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, (_event, data) => setSubtitles(subtitleChoices(data.subtitleTracks)));
    // hls.js turns a forced (DEFAULT) track on by itself; the menu follows it.
    player.on(Hls.Events.SUBTITLE_TRACK_SWITCH, (_event, data) => setChosenSubtitle(data.id));
    player.on(Hls.Events.ERROR, (_event, data: ErrorData) => {
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recoveredMedia) {
        recoveredMedia = true;
        player.recoverMediaError();
        return;
      }
      const problem = problemOf(data);
      player.destroy();
      hls.current = null;
      run.fail(problem);
    });
    player.loadSource(url);
    player.attachMedia(element);
    return () => {
      run.cancel();
      player.destroy();
      hls.current = null;
    };
  }, [video, url, attempt, startAt, notices]);

  const chooseLevel = (index: number) => {
    setChosenLevel(index);
    if (hls.current) hls.current.currentLevel = index;
  };
  const chooseSubtitle = (index: number) => {
    setChosenSubtitle(index);
    if (!hls.current) return;
    hls.current.subtitleDisplay = index >= 0;
    hls.current.subtitleTrack = index;
  };
  return { levels, chosenLevel, playingLevel, chooseLevel, subtitles, chosenSubtitle, chooseSubtitle };
}

function problemOf(data: ErrorData): Omit<PlaybackProblem, 'sessionValid'> {
  return {
    status: data.response?.code ?? null,
    kind:
      data.type === Hls.ErrorTypes.NETWORK_ERROR
        ? 'network'
        : data.type === Hls.ErrorTypes.MEDIA_ERROR
          ? 'media'
          : 'other',
    code: serverErrorCode(data.networkDetails) ?? `hls.js ${data.details}`,
  };
}
