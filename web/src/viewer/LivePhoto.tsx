import { useRef, useState, type ReactNode } from 'react';
import { LiveIcon } from '../components/icons';
import { useLongPress } from '../selection/useLongPress';

interface Props {
  /** The motion's signed URL (motion_url). */
  motionUrl: string;
  /** The still, shown until the motion's first frame and again when it ends. */
  poster: string;
  /** The still as the viewer shows it (zoom, swipe). */
  children: ReactNode;
}

/**
 * A Live Photo in the viewer: the still, with its motion laid over it while it plays — on
 * hover with a mouse, on a long press with a finger, or from the LIVE button. Muted (it is a
 * moment, not a video) and once, as phones do; the still comes back at the end.
 */
export function LivePhoto({ motionUrl, poster, children }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  const play = () => {
    const element = video.current;
    if (!element) return;
    element.currentTime = 0;
    setPlaying(true);
    // Muted playback is always allowed; a refusal (a stale URL) just leaves the still.
    element.play().catch(() => setPlaying(false));
  };
  const stop = () => {
    video.current?.pause();
    setPlaying(false);
  };
  const longPress = useLongPress(play);

  return (
    <div
      className="live-photo"
      data-playing={playing || undefined}
      onPointerEnter={(event) => {
        if (event.pointerType === 'mouse') play();
      }}
      onPointerLeave={(event) => {
        if (event.pointerType === 'mouse') stop();
      }}
      {...longPress}
    >
      {children}
      <video
        ref={video}
        className="live-motion"
        src={motionUrl}
        poster={poster}
        muted
        playsInline
        preload="auto"
        disablePictureInPicture
        aria-hidden="true"
        onEnded={() => setPlaying(false)}
      />
      <button
        type="button"
        className="live-button"
        aria-pressed={playing}
        aria-label="Play the Live Photo"
        title="Live Photo: hover, press and hold, or click to play it again"
        onClick={play}
      >
        <LiveIcon />
        LIVE
      </button>
    </div>
  );
}
