import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { clampScale, distance, identity, swipeDirection, zoomAt, type ZoomView } from './zoom';

interface Props {
  src: string;
  alt: string;
  onSwipe: (direction: 'next' | 'previous') => void;
  onLoad?: () => void;
}

type Point = { x: number; y: number };

/**
 * The full-size photo with touch and mouse gestures: pinch or wheel to zoom, drag to pan
 * when zoomed, swipe sideways to move on when not, double-click/tap to toggle zoom. The
 * buttons and +/−/0 keys do the same for everyone else.
 */
export function ZoomableImage({ src, alt, onSwipe, onLoad }: Props) {
  const stage = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<ZoomView>(identity);
  const [dragging, setDragging] = useState(false);
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<{ start: Point; view: ZoomView; pinch: number | null } | null>(null);

  useEffect(() => setView(identity), [src]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '+' || event.key === '=') setView((v) => zoomAt(v, v.scale * 1.5, 0, 0));
      else if (event.key === '-') setView((v) => zoomAt(v, v.scale / 1.5, 0, 0));
      else if (event.key === '0') setView(identity);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const relative = (clientX: number, clientY: number): Point => {
    const box = stage.current!.getBoundingClientRect();
    return { x: clientX - box.left - box.width / 2, y: clientY - box.top - box.height / 2 };
  };

  const begin = () => {
    const points = [...pointers.current.values()];
    const [a, b] = points;
    if (!a) return;
    gesture.current = {
      start: b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : a,
      view,
      pinch: b ? distance(a, b) : null,
    };
  };

  const onPointerDown = (event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, relative(event.clientX, event.clientY));
    setDragging(true);
    begin();
  };

  const onPointerMove = (event: ReactPointerEvent) => {
    if (!pointers.current.has(event.pointerId) || !gesture.current) return;
    pointers.current.set(event.pointerId, relative(event.clientX, event.clientY));
    const [a, b] = [...pointers.current.values()];
    const g = gesture.current;
    if (a && b && g.pinch) {
      const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const zoomed = zoomAt(g.view, g.view.scale * (distance(a, b) / g.pinch), g.start.x, g.start.y);
      setView({ ...zoomed, x: zoomed.x + middle.x - g.start.x, y: zoomed.y + middle.y - g.start.y });
    } else if (a) {
      // Not zoomed, the photo follows the finger sideways as a hint of the swipe.
      const dx = a.x - g.start.x;
      const dy = a.y - g.start.y;
      setView(g.view.scale > 1 ? { ...g.view, x: g.view.x + dx, y: g.view.y + dy } : { ...identity, x: dx });
    }
  };

  const onPointerUp = (event: ReactPointerEvent) => {
    const point = pointers.current.get(event.pointerId);
    pointers.current.delete(event.pointerId);
    const g = gesture.current;
    if (pointers.current.size > 0) return begin();
    setDragging(false);
    gesture.current = null;
    if (!g || !point || g.view.scale > 1 || g.pinch) return;
    setView(identity);
    const direction = swipeDirection(point.x - g.start.x, point.y - g.start.y);
    if (direction) onSwipe(direction);
  };

  return (
    <div className="zoom-frame">
      <div
        ref={stage}
        className={dragging ? 'zoom-stage dragging' : 'zoom-stage'}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onWheel={(event) => {
          const at = relative(event.clientX, event.clientY);
          setView((v) => zoomAt(v, clampScale(v.scale * Math.exp(-event.deltaY / 300)), at.x, at.y));
        }}
        onDoubleClick={(event) => {
          const at = relative(event.clientX, event.clientY);
          setView((v) => (v.scale > 1 ? identity : zoomAt(v, 2.5, at.x, at.y)));
        }}
      >
        <img
          className="zoom-image"
          src={src}
          alt={alt}
          draggable={false}
          decoding="async"
          onLoad={onLoad}
          style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
        />
      </div>
      <div className="zoom-controls">
        <button
          type="button"
          className="icon-button"
          aria-label="Zoom out"
          onClick={() => setView((v) => zoomAt(v, v.scale / 1.5, 0, 0))}
        >
          −
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`${Math.round(view.scale * 100)}%, reset zoom`}
          onClick={() => setView(identity)}
        >
          {Math.round(view.scale * 100)}%
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Zoom in"
          onClick={() => setView((v) => zoomAt(v, v.scale * 1.5, 0, 0))}
        >
          +
        </button>
      </div>
    </div>
  );
}
