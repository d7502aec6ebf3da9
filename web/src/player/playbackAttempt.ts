import Hls from 'hls.js';
import { chooseEngine, type PlaybackEngine } from './chooseEngine';
import { describeFailure } from './describeFailure';
import type { PlaybackProblem } from './playbackErrorMessage';
import type { PlaybackNotices } from './usePlaybackNotices';

/** What the player asks the engines to play; a new `attempt` (Try again) starts over with fresh URLs. */
export interface StreamRequest {
  url: string | null;
  attempt: number;
  /** The saved position to resume from (0: from the start). */
  startAt: number;
}

export function engineFor(element: HTMLVideoElement): PlaybackEngine {
  return chooseEngine(Hls.isSupported(), element.canPlayType('application/vnd.apple.mpegurl'));
}

export interface Attempt {
  /** Where to start: after a retry, where it stopped; else the saved position. */
  position: number;
  /** Starts playing; where the browser refuses autoplay, the big button asks for one tap. */
  play(): void;
  fail(problem: Omit<PlaybackProblem, 'sessionValid'>): void;
  /** Once the attempt is over, its late failures and refusals say nothing. */
  cancel(): void;
}

export function startAttempt(element: HTMLVideoElement, stream: StreamRequest, notices: PlaybackNotices): Attempt {
  let cancelled = false;
  return {
    position: stream.attempt > 0 ? element.currentTime || stream.startAt : stream.startAt,
    play() {
      element.play().catch(() => {
        if (!cancelled) notices.setNeedsTap(true);
      });
    },
    fail(problem) {
      void describeFailure(problem).then((message) => {
        if (!cancelled) notices.setError(message, problem.code);
      });
    },
    cancel() {
      cancelled = true;
    },
  };
}
