export interface ZoomView {
  scale: number;
  x: number;
  y: number;
}

export const minScale = 1;
export const maxScale = 6;
export const identity: ZoomView = { scale: 1, x: 0, y: 0 };

export function clampScale(scale: number): number {
  return Math.min(maxScale, Math.max(minScale, scale));
}

/**
 * Zooms to `scale` keeping the point under (px, py) — relative to the stage's centre —
 * where it is, as pinching and wheel-zooming feel natural only that way.
 */
export function zoomAt(view: ZoomView, scale: number, px: number, py: number): ZoomView {
  const next = clampScale(scale);
  if (next === 1) return identity;
  const ratio = next / view.scale;
  return { scale: next, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

export function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** A horizontal flick long enough and more sideways than up/down: a swipe to the next item. */
export function swipeDirection(dx: number, dy: number, threshold = 60): 'next' | 'previous' | null {
  if (Math.abs(dx) < threshold || Math.abs(dx) < Math.abs(dy) * 1.5) return null;
  return dx < 0 ? 'next' : 'previous';
}
