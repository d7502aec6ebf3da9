import { useMemo, useState } from 'react';

/** How the engines tell the person what happened; stable, so engines do not restart on a render. */
export interface PlaybackNotices {
  setError(message: string | null): void;
  setNeedsTap(needed: boolean): void;
}

/** What the player shows over the video: a failure with its retry, or the big play button. */
export function usePlaybackNotices() {
  const [error, setError] = useState<string | null>(null);
  const [needsTap, setNeedsTap] = useState(false);
  const notices = useMemo<PlaybackNotices>(() => ({ setError, setNeedsTap }), []);
  return { error, needsTap, notices };
}
