import { memo, useRef, useState } from 'react';
import { Link, type To } from 'react-router';
import type { MediaItem } from '../api/types';
import { CheckIcon, ImageIcon, LiveIcon, PlayIcon } from '../components/icons';
import { FavouriteButton } from '../favourites/FavouriteButton';
import { formatDuration } from '../format/formatDuration';
import { useLongPress } from '../selection/useLongPress';
import { useTouchInView } from './useTouchInView';

interface Props {
  item: MediaItem;
  to: To;
  onThumbnailLoad?: () => void;
  /** The grid is in selection mode: a click selects instead of opening. */
  selecting?: boolean;
  selected?: boolean;
  /** Where the grid can select; `range` when shift was held. */
  onSelect?: (id: string, range: boolean) => void;
}

/**
 * One square tile: the still thumbnail, swapped for the animated preview while hovered or
 * focused (or, on touch screens, while in view). The preview is laid over the still and
 * shown only once decoded, so nothing flickers or jumps. The heart sits beside the link, not
 * in it (a button inside a link is neither valid nor reachable by keyboard on its own); so is
 * the check that selects it, which a long press on a phone also sets. A Live Photo says LIVE
 * in a corner; its motion plays in the viewer.
 */
export const MediaTile = memo(function MediaTile({
  item,
  to,
  onThumbnailLoad,
  selecting = false,
  selected = false,
  onSelect,
}: Props) {
  const ref = useRef<HTMLAnchorElement>(null);
  const [hovered, setHovered] = useState(false);
  const [previewReady, setPreviewReady] = useState(false);
  const [broken, setBroken] = useState(false);
  const inView = useTouchInView(ref, item.preview_url !== null);
  const showPreview = item.preview_url !== null && (hovered || inView);
  const isVideo = item.type === 'video';
  const duration = formatDuration(item.duration);
  const isLive = item.motion_url !== null;
  const kind = isVideo ? `Video${duration ? `, ${duration}` : ''}` : isLive ? 'Live Photo' : 'Photo';
  const label = `${kind}: ${item.original_name}`;
  const longPress = useLongPress(onSelect && !selecting ? () => onSelect(item.id, false) : undefined);

  return (
    <div className="tile-cell" data-selected={selected || undefined}>
      <Link
        ref={ref}
        to={to}
        {...longPress}
        onClick={(event) => {
          if (!selecting || !onSelect) return;
          event.preventDefault();
          onSelect(item.id, event.shiftKey);
        }}
        className="tile"
        data-type={item.type}
        data-id={item.id}
        aria-label={label}
        title={item.original_name}
        onPointerEnter={(event) => {
          if (event.pointerType === 'mouse') setHovered(true);
        }}
        onPointerLeave={() => setHovered(false)}
        onFocus={() => setHovered(true)}
        onBlur={() => setHovered(false)}
      >
        {item.thumbnail_url && !broken ? (
          <img
            className="tile-thumb"
            src={item.thumbnail_url}
            alt={item.original_name}
            loading="lazy"
            decoding="async"
            width={300}
            height={300}
            draggable={false}
            onLoad={onThumbnailLoad}
            onError={() => setBroken(true)}
          />
        ) : (
          <span className="tile-placeholder">
            <ImageIcon />
          </span>
        )}
        {showPreview && (
          <img
            className={previewReady ? 'tile-preview ready' : 'tile-preview'}
            src={item.preview_url!}
            alt=""
            decoding="async"
            draggable={false}
            onLoad={() => setPreviewReady(true)}
            onError={() => setPreviewReady(false)}
          />
        )}
        {isLive && (
          <span className="tile-badge tile-live" aria-hidden="true">
            <LiveIcon />
            LIVE
          </span>
        )}
        {isVideo && (
          <span className="tile-badge" aria-hidden="true">
            <PlayIcon size={12} />
            {duration}
          </span>
        )}
      </Link>
      {onSelect && (
        <button
          type="button"
          className="tile-check"
          aria-pressed={selected}
          aria-label={`Select ${item.original_name}`}
          title="Select (shift: a range)"
          onClick={(event) => onSelect(item.id, event.shiftKey)}
        >
          <CheckIcon />
        </button>
      )}
      {!selecting && <FavouriteButton item={item} className="tile-heart" size={18} />}
    </div>
  );
});
