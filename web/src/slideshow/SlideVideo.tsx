import Hls from 'hls.js/light';
import { useEffect, useRef, useState } from 'react';
import type { MediaItem } from '../api/types';

interface Props {
  item: MediaItem;
  /** Paused with the slideshow. */
  playing: boolean;
  onEnded: () => void;
}

/**
 * A video in the slideshow: muted, so it may start by itself (browsers refuse sound nobody
 * asked for); a tap on the button turns the sound on. hls.js where MediaSource runs, the
 * browser's own HLS otherwise. When it ends, the slideshow moves on.
 */
export function SlideVideo({ item, playing, onEnded }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);

  useEffect(() => {
    const element = video.current;
    const url = item.stream_url;
    if (!element || !url) return;
    if (!Hls.isSupported()) {
      element.src = url;
      return () => element.removeAttribute('src');
    }
    const player = new Hls({ capLevelToPlayerSize: true });
    player.loadSource(url);
    player.attachMedia(element);
    return () => player.destroy();
  }, [item.stream_url]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    if (playing) element.play().catch(() => undefined);
    else element.pause();
  }, [playing, item.id]);

  return (
    <div className="slide-video">
      <video
        ref={video}
        muted={muted}
        playsInline
        autoPlay={playing}
        poster={item.poster_url ?? undefined}
        onEnded={onEnded}
        aria-label={item.original_name}
      />
      <button type="button" className="button subtle slide-sound" onClick={() => setMuted((m) => !m)}>
        {muted ? 'Sound on' : 'Sound off'}
      </button>
    </div>
  );
}
