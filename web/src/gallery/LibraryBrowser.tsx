import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { LibraryQuery } from '../api/media';
import type { MediaItem } from '../api/types';
import { AddToAlbumDialog } from '../albums/AddToAlbumDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { DownloadSelectionButton } from '../downloads/DownloadSelectionButton';
import { Loading } from '../components/Loading';
import { isTyping } from '../keyboard/isTyping';
import { NoMatches } from '../search/NoMatches';
import { SearchBox } from '../search/SearchBox';
import { SelectionBar } from '../selection/SelectionBar';
import { useSelection, type Selection } from '../selection/useSelection';
import { useSelectionShortcuts } from '../selection/useSelectionShortcuts';
import { TimelineScrubber } from '../timeline/TimelineScrubber';
import { MoveToTrashButton } from '../trash/MoveToTrashButton';
import { useLibraryMonths } from '../timeline/useLibraryMonths';
import { monthGrouping } from './buildRows';
import { GalleryGrid } from './GalleryGrid';
import { GalleryToolbar } from './GalleryToolbar';
import { monthLabel } from './monthJump';
import { useLibrary } from './useLibrary';
import '../styles/gallery.css';

const Viewer = lazy(() => import('../viewer/Viewer'));
const Slideshow = lazy(() => import('../slideshow/Slideshow'));

interface Props {
  query: LibraryQuery;
  /** Shown when nothing is there and no search is typed. */
  empty: ReactNode;
  /** Between the toolbar and the grid (the processing strip). */
  children?: ReactNode;
  /** Buttons at the toolbar's end (the gallery's Upload). */
  toolbarActions?: ReactNode;
  /** Actions of this view on a selection, beside "Add to album"; `report` says what happened. */
  selectionActions?: (selection: Selection, report: (message: ReactNode) => void) => ReactNode;
}

/**
 * A library view (the gallery, favourites, an album): the toolbar with search, filter and
 * order, the virtualised grid with month headers, selection, and the viewer over it. The
 * filter, order, search and open item live in the address, so Back and shared links work.
 */
export function LibraryBrowser({ query, empty, children, toolbarActions, selectionActions }: Props) {
  const [params, setParams] = useSearchParams();
  const library = useLibrary(query);
  const openId = params.get('item');
  const jumpedTo = query.from ? params.get('month') : null;
  const months = useLibraryMonths(query);
  const timeline = useMemo(
    () => (query.order === 'asc' ? [...(months.data ?? [])].reverse() : (months.data ?? [])),
    [months.data, query.order],
  );
  const ids = useMemo(() => library.items.map((item) => item.id), [library.items]);
  const selection = useSelection(ids);
  const [adding, setAdding] = useState(false);
  const [slideshow, setSlideshow] = useState(false);
  const [notice, setNotice] = useState<ReactNode>(null);

  const grouping = useMemo(() => {
    if (query.sort === 'name') return null;
    return monthGrouping((item) => (query.sort === 'taken' ? (item.taken_at ?? item.created_at) : item.created_at));
  }, [query.sort]);

  const linkTo = useCallback(
    (item: MediaItem) => {
      const next = new URLSearchParams(params);
      next.set('item', item.id);
      return { search: `?${next}` };
    },
    [params],
  );

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = library;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const { hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage } = library;
  const loadEarlier = useCallback(() => {
    if (hasPreviousPage && !isFetchingPreviousPage) void fetchPreviousPage();
  }, [hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage]);
  /** The month at the top of the screen: the scrubber follows the scroll, not only the jumps. */
  const [topMonth, setTopMonth] = useState<string | null>(null);

  // Another filter, order or search shows other items: what was selected is not on screen.
  const { end } = selection;
  const queryKey = JSON.stringify(query);
  useEffect(() => end(), [queryKey, end]);

  useSelectionShortcuts(selection, Boolean(openId) || adding || slideshow);
  const canAdd = selection.active && selection.ids.length > 0;
  useEffect(() => {
    if (!canAdd || adding || openId || slideshow) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'a' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      setAdding(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canAdd, adding, openId, slideshow]);

  const change = (update: { type?: string; sort?: string }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(update)) next.set(key, value);
    next.delete('item');
    next.delete('month');
    setParams(next);
  };

  /** The scrubber's jump: the page starts at that month, without the pages between. */
  const jumpTo = (month: string | null) => {
    const next = new URLSearchParams(params);
    if (month) next.set('month', month);
    else next.delete('month');
    next.delete('item');
    setParams(next);
    setTopMonth(null);
    window.scrollTo({ top: 0 });
  };

  const search = useCallback(
    (q: string, { replace }: { replace: boolean }) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (q) next.set('q', q);
          else next.delete('q');
          next.delete('item');
          next.delete('month');
          return next;
        },
        { replace },
      ),
    [setParams],
  );

  const showItem = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('item', id);
    else next.delete('item');
    // Moving between items replaces history; closing goes back to the gallery entry.
    setParams(next, { replace: Boolean(id && openId) });
  };

  return (
    <>
      <GalleryToolbar
        query={query}
        total={library.data ? library.total : null}
        onChange={change}
        search={<SearchBox value={query.q ?? ''} onSearch={search} />}
        select={
          library.items.length > 0 ? (
            <>
              <button type="button" className="button subtle" onClick={() => setSlideshow(true)}>
                Slideshow
              </button>
              <button
                type="button"
                className="button subtle"
                aria-pressed={selection.active}
                title="Select items (s)"
                onClick={selection.active ? selection.end : selection.start}
              >
                Select
              </button>
            </>
          ) : null
        }
        actions={toolbarActions}
      />
      {children}
      {isFetchingPreviousPage && (
        <div className="loading-earlier">
          <Loading label="Loading more" />
        </div>
      )}
      {jumpedTo && (
        <p className="jump-notice">
          <span>From {monthLabel(jumpedTo)}</span>
          <button type="button" className="button subtle" onClick={() => jumpTo(null)}>
            Back to the newest
          </button>
        </p>
      )}
      {grouping && timeline.length > 1 && (
        <TimelineScrubber months={timeline} current={topMonth ?? jumpedTo} onJump={jumpTo} />
      )}
      {notice && (
        <p className="notice success library-notice" role="status">
          {notice}
        </p>
      )}
      {library.isPending ? (
        <Loading label="Loading your library" />
      ) : library.isError ? (
        <ErrorNotice error={library.error} action="load your library" onRetry={() => void library.refetch()} />
      ) : library.items.length === 0 ? (
        query.q ? (
          <NoMatches q={query.q} onClear={() => search('', { replace: false })} />
        ) : (
          empty
        )
      ) : (
        <GalleryGrid
          items={library.items}
          grouping={grouping}
          linkTo={linkTo}
          hasMore={Boolean(hasNextPage)}
          loadMore={loadMore}
          hasEarlier={hasPreviousPage}
          loadEarlier={loadEarlier}
          onTopGroup={setTopMonth}
          selection={selection}
        />
      )}
      {isFetchingNextPage && <Loading label="Loading more" />}
      <SelectionBar selection={selection}>
        {selectionActions?.(selection, setNotice)}
        <DownloadSelectionButton selection={selection} report={setNotice} />
        <MoveToTrashButton selection={selection} report={setNotice} />
        <button
          type="button"
          className="button primary"
          disabled={selection.ids.length === 0}
          title="Add to album (a)"
          onClick={() => setAdding(true)}
        >
          Add to album
        </button>
      </SelectionBar>
      {adding && (
        <AddToAlbumDialog
          mediaIds={selection.ids}
          onClose={() => setAdding(false)}
          onAdded={(album, added) => {
            setAdding(false);
            selection.end();
            setNotice(
              <>
                {added === 1 ? '1 item' : `${added.toLocaleString()} items`} added to{' '}
                <Link to={`/albums/${album.id}`}>{album.name}</Link>.
              </>,
            );
          }}
        />
      )}
      {slideshow && (
        <Suspense fallback={<Loading label="Opening the slideshow" />}>
          <Slideshow items={library.items} onNearEnd={loadMore} onClose={() => setSlideshow(false)} />
        </Suspense>
      )}
      {openId && (
        <Suspense fallback={<Loading label="Opening" />}>
          <Viewer
            id={openId}
            items={library.items}
            onShow={showItem}
            onClose={() => showItem(null)}
            onNearEnd={loadMore}
            report={setNotice}
          />
        </Suspense>
      )}
    </>
  );
}
