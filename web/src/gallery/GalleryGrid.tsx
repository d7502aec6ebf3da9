import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { To } from 'react-router';
import type { MediaItem } from '../api/types';
import type { Selection } from '../selection/useSelection';
import { buildRows, type Grouping } from './buildRows';
import { columnsForWidth, gapForWidth } from './columnsForWidth';
import { MediaTile } from './MediaTile';
import { markFirstThumbnail, markFirstTiles } from './performanceMarks';
import { useElementWidth } from './useElementWidth';

const headerHeight = 52;

interface Props {
  items: MediaItem[];
  grouping: Grouping | null;
  linkTo: (item: MediaItem) => To;
  hasMore: boolean;
  loadMore: () => void;
  /** Where items can be selected (tile checks, long press, shift-click ranges). */
  selection?: Selection;
}

/**
 * The library as a virtualised grid on the page's own scroll: only the rows near the screen
 * exist in the DOM, so a hundred thousand items scroll like a hundred. Tiles are squares
 * whose size follows the width, so nothing moves while images arrive.
 */
export function GalleryGrid({ items, grouping, linkTo, hasMore, loadMore, selection }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const width = useElementWidth(container);
  const columns = columnsForWidth(width);
  const gap = gapForWidth(width);
  const tileSize = width > 0 ? (width - gap * (columns - 1)) / columns : 0;
  const rows = useMemo(() => buildRows(items, columns, grouping), [items, columns, grouping]);

  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    setScrollMargin(container.current?.offsetTop ?? 0);
  }, [width]);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => (rows[index]?.kind === 'header' ? headerHeight : tileSize + gap),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 4,
    scrollMargin,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, tileSize, gap, rows]);

  const virtualRows = virtualizer.getVirtualItems();
  const lastVisible = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && rows.length > 0 && lastVisible >= rows.length - 6) loadMore();
  }, [hasMore, lastVisible, rows.length, loadMore]);

  useEffect(() => {
    if (items.length > 0 && tileSize > 0) markFirstTiles();
  }, [items.length, tileSize]);

  return (
    <div
      ref={container}
      className="grid-viewport"
      data-columns={columns}
      data-selecting={selection?.active || undefined}
      style={{ height: tileSize > 0 ? virtualizer.getTotalSize() : undefined }}
    >
      {tileSize > 0 &&
        virtualRows.map((virtualRow) => {
          const row = rows[virtualRow.index];
          if (!row) return null;
          const offset = { transform: `translateY(${virtualRow.start - scrollMargin}px)` };
          if (row.kind === 'header') {
            const allSelected = selection?.active && row.ids.every((id) => selection.selected.has(id));
            return (
              <div key={row.key} className="grid-row month-header" style={offset}>
                <h2>{row.label}</h2>
                {selection?.active && (
                  <button
                    type="button"
                    className="button subtle month-select"
                    aria-pressed={allSelected}
                    aria-label={`${allSelected ? 'Unselect' : 'Select'} all of ${row.label}`}
                    onClick={() => selection.selectGroup(row.ids)}
                  >
                    {allSelected ? 'Unselect' : 'Select all'}
                  </button>
                )}
              </div>
            );
          }
          return (
            <div key={row.key} className="grid-row tile-row" style={{ ...offset, height: tileSize }}>
              {row.items.map((item) => (
                <MediaTile
                  key={item.id}
                  item={item}
                  to={linkTo(item)}
                  onThumbnailLoad={markFirstThumbnail}
                  selecting={selection?.active}
                  selected={selection?.selected.has(item.id)}
                  onSelect={selection?.toggle}
                />
              ))}
            </div>
          );
        })}
    </div>
  );
}
