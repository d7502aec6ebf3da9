import { useEffect, type RefObject } from 'react';

/**
 * The player's keys: space/k play and pause, ←/→ seek 5 s (j/l 10 s), f full screen, m mute.
 * Keys typed into a form control, or space on a button, keep their usual meaning.
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
          if (element.paused) void element.play().catch(() => {});
          else element.pause();
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
        case 'f':
          toggleFullscreen(container.current ?? element);
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

function toggleFullscreen(element: HTMLElement): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else if (element.requestFullscreen) void element.requestFullscreen().catch(() => {});
  else (element as HTMLElement & { webkitEnterFullscreen?: () => void }).webkitEnterFullscreen?.();
}
