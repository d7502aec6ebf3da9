export interface PlaybackProblem {
  /** HTTP status of the failing request when there was one (0: no answer at all). */
  status: number | null;
  /** Whether the session is still good (checked after a 401/403 on a media URL). */
  sessionValid: boolean;
  kind: 'network' | 'media' | 'unsupported' | 'other';
  /** The server's error code (MEDIA_001) or the engine's name for the failure, shown beside the message. */
  code?: string | null;
}

/** A playback failure said so a person knows what happened and whether retrying helps. */
export function playbackErrorMessage(problem: PlaybackProblem): string {
  const { status, kind } = problem;
  if (kind === 'unsupported')
    return 'This browser cannot play these videos. Try a current Safari, Chrome, Firefox or Edge.';
  if (status === 401 || status === 403) {
    return problem.sessionValid
      ? 'The link to this video has expired. Try again to get a fresh one.'
      : 'Your session has ended, so the video stopped. Sign in again to keep watching.';
  }
  if (status === 429) return 'Too many videos are playing on your account at once. Stop one, then try again.';
  if (status === 404) return 'This video’s files could not be found. An admin may need to reprocess it.';
  if (status !== null && status >= 500) return 'The server had a problem sending this video. Try again in a moment.';
  if (kind === 'network' || status === 0)
    return 'The connection dropped while loading the video. Check your network and try again.';
  if (kind === 'media')
    return 'This video could not be decoded. Try again; if it keeps failing, it may need reprocessing.';
  return 'The video stopped unexpectedly. Try again.';
}
