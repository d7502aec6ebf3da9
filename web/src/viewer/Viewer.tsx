import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { fetchMediaDetails } from '../api/media';
import type { MediaItem } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { AddToAlbumDialog } from '../albums/AddToAlbumDialog';
import { AlbumAddIcon, ChevronIcon, CloseIcon, InfoIcon } from '../components/icons';
import { DownloadOriginalButton } from '../downloads/DownloadOriginalButton';
import { FavouriteButton } from '../favourites/FavouriteButton';
import { useToggleFavourite } from '../favourites/useToggleFavourite';
import { Loading } from '../components/Loading';
import '../styles/viewer.css';
import { DetailsPanel } from './DetailsPanel';
import { LivePhoto } from './LivePhoto';
import { ZoomableImage } from './ZoomableImage';
import { isTyping } from '../keyboard/isTyping';
import { ViewerTrashButton } from './ViewerTrashButton';

// hls.js is big and only videos need it: it comes with this chunk, on first play.
const VideoPlayer = lazy(() => import('../player/VideoPlayer'));

interface Props {
  id: string;
  items: MediaItem[];
  onShow: (id: string) => void;
  onClose: () => void;
  onNearEnd: () => void;
  /** What happened, for the library's notice once the viewer is closed (a move to the Trash). */
  report?: (message: ReactNode) => void;
}

/**
 * The full-screen viewer over the gallery: photos with zoom and swipe (a Live Photo's motion
 * on hover, long press or its LIVE button), videos in the
 * player; ←/→ (photos) or the buttons move through the library, Esc closes, i shows details,
 * f hearts the item, a adds it to an album; Download gives the original; Delete moves it to
 * the Trash (when this person may), and the viewer goes on to the next item or closes.
 */
export default function Viewer({ id, items, onShow, onClose, onNearEnd, report }: Props) {
  const details = useQuery({ queryKey: ['media', id], queryFn: ({ signal }) => fetchMediaDetails(id, signal) });
  const index = items.findIndex((candidate) => candidate.id === id);
  const item = items[index] ?? details.data;
  const previous = index > 0 ? items[index - 1] : undefined;
  const next = index >= 0 ? items[index + 1] : undefined;
  const [showDetails, setShowDetails] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const toggleFavourite = useToggleFavourite();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => setAdded(null), [id]);
  // Kept when the viewer moves on: it tells what happened to the item before.
  const [notice, setNotice] = useState<ReactNode>(null);
  const tell = (message: ReactNode) => {
    setNotice(message);
    report?.(message);
  };

  useEffect(() => {
    if (index >= 0 && index >= items.length - 5) onNearEnd();
  }, [index, items.length, onNearEnd]);

  // Modal: the page behind does not scroll, and focus returns where it was on close.
  useEffect(() => {
    const returnFocus = document.activeElement as HTMLElement | null;
    document.body.classList.add('viewer-open');
    closeButton.current?.focus();
    return () => {
      document.body.classList.remove('viewer-open');
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, []);

  const isVideo = item?.type === 'video';
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Tab') return trapFocus(event, dialog.current);
      if (event.defaultPrevented || isTyping(event.target)) return;
      // In the player ←/→ seek; there PageUp/PageDown move through the library.
      const back = (event.key === 'ArrowLeft' && !isVideo) || event.key === 'PageUp';
      const forward = (event.key === 'ArrowRight' && !isVideo) || event.key === 'PageDown';
      if (event.key === 'Escape') onClose();
      else if (event.key === 'i') setShowDetails((shown) => !shown);
      else if (event.key === 'f' && item) toggleFavourite.mutate({ id: item.id, favourite: !item.is_favourite });
      else if (event.key === 'a' && item) setAdding(true);
      else if (back && previous) onShow(previous.id);
      else if (forward && next) onShow(next.id);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isVideo, item, previous, next, onShow, onClose, toggleFavourite]);

  const title = item?.original_name ?? 'Loading';
  return (
    <div ref={dialog} className="viewer" role="dialog" aria-modal="true" aria-label={title}>
      <div className="viewer-bar">
        <button ref={closeButton} type="button" className="icon-button" aria-label="Close viewer" onClick={onClose}>
          <CloseIcon />
        </button>
        <span className="viewer-title" title={title}>
          {title}
        </span>
        {(added ?? notice) && (
          <span className="viewer-added" role="status">
            {added ?? notice}
          </span>
        )}
        {item && <FavouriteButton item={item} className="icon-button viewer-heart" />}
        {item && (
          <button
            type="button"
            className="icon-button"
            aria-label="Add to album"
            title="Add to album (a)"
            onClick={() => setAdding(true)}
          >
            <AlbumAddIcon />
          </button>
        )}
        {details.data && <DownloadOriginalButton details={details.data} />}
        {details.data && (
          <ViewerTrashButton
            details={details.data}
            onMoved={() => (next ? onShow(next.id) : onClose())}
            report={tell}
          />
        )}
        <button
          type="button"
          className="icon-button"
          aria-pressed={showDetails}
          aria-label="Details"
          onClick={() => setShowDetails((shown) => !shown)}
        >
          <InfoIcon />
        </button>
      </div>
      <div className="viewer-body">
        <div className="viewer-stage">
          {!item ? (
            details.isError ? (
              <ErrorNotice error={details.error} action="open this item" onRetry={() => void details.refetch()} />
            ) : (
              <Loading label="Opening" />
            )
          ) : isVideo ? (
            details.data ? (
              <Suspense fallback={<Loading label="Loading the player" />}>
                <VideoPlayer key={item.id} details={details.data} onRefresh={() => details.refetch()} />
              </Suspense>
            ) : details.isError ? (
              <ErrorNotice error={details.error} action="open this video" onRetry={() => void details.refetch()} />
            ) : (
              <Loading label="Opening" />
            )
          ) : item.image_url ? (
            withMotion(
              item,
              <ZoomableImage
                key={item.id}
                src={item.image_url}
                alt={item.original_name}
                onSwipe={(direction) => {
                  const target = direction === 'next' ? next : previous;
                  if (target) onShow(target.id);
                }}
              />,
            )
          ) : (
            <p className="notice">This photo is not ready to view.</p>
          )}
          {previous && (
            <button
              type="button"
              className="viewer-nav previous"
              aria-label={`Previous: ${previous.original_name}`}
              onClick={() => onShow(previous.id)}
            >
              <ChevronIcon direction="left" />
            </button>
          )}
          {next && (
            <button
              type="button"
              className="viewer-nav next"
              aria-label={`Next: ${next.original_name}`}
              onClick={() => onShow(next.id)}
            >
              <ChevronIcon direction="right" />
            </button>
          )}
        </div>
        {showDetails && item && <DetailsPanel item={item} details={details.data} />}
      </div>
      {adding && item && (
        <AddToAlbumDialog
          mediaIds={[item.id]}
          onClose={() => setAdding(false)}
          onAdded={(album) => {
            setAdding(false);
            setAdded(`In “${album.name}”`);
          }}
        />
      )}
    </div>
  );
}

/** A Live Photo's still with its motion over it; any other photo as it is. */
function withMotion(item: MediaItem, still: ReactElement): ReactElement {
  if (!item.motion_url || !item.image_url) return still;
  return (
    <LivePhoto key={item.id} motionUrl={item.motion_url} poster={item.image_url}>
      {still}
    </LivePhoto>
  );
}

/** Keeps Tab inside the dialog, as a modal should. */
function trapFocus(event: KeyboardEvent, container: HTMLElement | null): void {
  if (!container) return;
  const focusable = [
    ...container.querySelectorAll<HTMLElement>(
      'button, [href], select, input, video[controls], [tabindex]:not([tabindex="-1"])',
    ),
  ].filter((element) => !element.hasAttribute('disabled'));
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    last.focus();
    event.preventDefault();
  } else if (!event.shiftKey && document.activeElement === last) {
    first.focus();
    event.preventDefault();
  }
}
