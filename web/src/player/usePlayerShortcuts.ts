import { useEffect, type RefObject } from 'react';
import { toggleFullscreen } from './fullscreen';
import { togglePictureInPicture } from './pictureInPicture';
import { setSpeed, stepSpeed } from './playbackSpeeds';
import { togglePlayback } from './togglePlayback';

/**
 * The player's keys (listed in the `?` dialog, web/src/keyboard/shortcutList.ts): space/k play
 * and pause, ←/→ seek 5 s (j/l 10 s), m mute, Shift+F full screen (plain f is the viewer's
 * favourite, in a video too), p picture-in-picture, < / > slower and faster. Keys typed into a
 * form control, or space on a button, keep their usual meaning. The bar's buttons say the
 * same keys in their titles.
 */
export function usePlayerShortcuts(
  video: RefObject<HTMLVideoElement | null>,
  container: RefObject<HTMLElement | null>,
) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const element = video.current;
      if (!element || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const seek = (delta: number) => {
        const end = Number.isFinite(element.duration) ? element.duration : Infinity;
        element.currentTime = Math.min(end, Math.max(0, element.currentTime + delta));
      };
      switch (event.key) {
        case ' ':
        case 'k':
          if (event.key === ' ' && target?.tagName === 'BUTTON') return;
          togglePlayback(element);
          break;
        case 'ArrowLeft':
          seek(-5);
          break;
        case 'ArrowRight':
          seek(5);
          break;
        case 'j':
          seek(-10);
          break;
        case 'l':
          seek(10);
          break;
        case 'm':
          element.muted = !element.muted;
          break;
        case 'F':
          toggleFullscreen(container.current ?? element, element);
          break;
        case 'p':
          togglePictureInPicture(element);
          break;
        case '<':
        case '>':
          setSpeed(element, stepSpeed(element.playbackRate, event.key === '>' ? 1 : -1));
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [video, container]);
}
