import { useMemo, useState } from 'react';

/** How the engines tell the person what happened; stable, so engines do not restart on a render. */
export interface PlaybackNotices {
  /** `code`: the server's error code, or the engine's name for what failed, shown with the message. */
  setError(message: string | null, code?: string | null): void;
  setNeedsTap(needed: boolean): void;
}

/** What the player shows over the video: a failure with its retry, or the big play button. */
export function usePlaybackNotices() {
  const [error, setErrorState] = useState<{ message: string; code: string | null } | null>(null);
  const [needsTap, setNeedsTap] = useState(false);
  const notices = useMemo<PlaybackNotices>(
    () => ({
      setError: (message, code = null) => setErrorState(message === null ? null : { message, code }),
      setNeedsTap,
    }),
    [],
  );
  return { error, needsTap, notices };
}
