import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { To } from 'react-router';
import type { MediaItem } from '../api/types';
import type { Selection } from '../selection/useSelection';
import { buildRows, type GalleryRow, type Grouping } from './buildRows';
import { columnsForWidth, gapForWidth } from './columnsForWidth';
import { MediaTile } from './MediaTile';
import { markFirstThumbnail, markFirstTiles } from './performanceMarks';
import { offsetOfItem, rowAt } from './rowOffsets';
import { useUpwardScroll } from './useUpwardScroll';
import { useElementWidth } from './useElementWidth';

const headerHeight = 52;
/** Rows from either end at which the next page is asked for. */
const nearEnd = 6;

interface Props {
  items: MediaItem[];
  grouping: Grouping | null;
  linkTo: (item: MediaItem) => To;
  hasMore: boolean;
  loadMore: () => void;
  /** After a jump: whether items above it (newer, for newest first) are still to load, and how. */
  hasEarlier?: boolean;
  loadEarlier?: () => void;
  /** The group (month) of the row at the top of the screen, as it changes: the scrubber follows it. */
  onTopGroup?: (group: string | null) => void;
  /** Where items can be selected (tile checks, long press, shift-click ranges). */
  selection?: Selection;
}

/**
 * The library as a virtualised grid on the page's own scroll: only the rows near the screen
 * exist in the DOM, so a hundred thousand items scroll like a hundred. Tiles are squares
 * whose size follows the width, so nothing moves while images arrive.
 */
export function GalleryGrid({
  items,
  grouping,
  linkTo,
  hasMore,
  loadMore,
  hasEarlier = false,
  loadEarlier,
  onTopGroup,
  selection,
}: Props) {
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

  const sizeOf = (row: GalleryRow | undefined) => (row?.kind === 'header' ? headerHeight : tileSize + gap);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => sizeOf(rows[index]),
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
    if (hasMore && rows.length > 0 && lastVisible >= rows.length - nearEnd) loadMore();
  }, [hasMore, lastVisible, rows.length, loadMore]);

  // Items put above (the newer months after a jump) must not push what is on screen down: the
  // page scrolls by what was added above the item that was first before.
  const before = useRef<{ rows: GalleryRow[]; first: string | undefined }>({ rows, first: items[0]?.id });
  useLayoutEffect(() => {
    const { rows: oldRows, first } = before.current;
    before.current = { rows, first: items[0]?.id };
    if (!first || first === items[0]?.id || tileSize <= 0) return;
    const was = offsetOfItem(oldRows, first, sizeOf);
    const now = offsetOfItem(rows, first, sizeOf);
    if (was !== null && now !== null && now !== was) window.scrollBy(0, now - was);
    // sizeOf follows tileSize and gap, which are in the list.
  }, [rows, items, tileSize, gap]);

  // The row under the sticky header (the top of what the person sees), for the scrubber.
  const topOffset = virtualizer.scrollOffset ?? 0;
  const covered = document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0;
  const topIndex = tileSize > 0 ? rowAt(rows, topOffset + covered - scrollMargin, sizeOf) : -1;
  const topGroup = rows[Math.max(0, topIndex)]?.group ?? null;
  useEffect(() => {
    if (tileSize > 0) onTopGroup?.(topGroup);
  }, [topGroup, tileSize, onTopGroup]);

  useUpwardScroll(() => {
    if (hasEarlier && topIndex <= nearEnd) loadEarlier?.();
  }, hasEarlier);

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
