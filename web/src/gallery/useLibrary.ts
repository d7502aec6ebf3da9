import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchLibraryPage, type LibraryQuery } from '../api/media';
import type { LibraryPage, MediaItem } from '../api/types';
import { pagesInOrder, type PageParam } from './libraryPages';

const pageSize = 120;
const start: PageParam = { cursor: null, toward: 'later' };

/**
 * The library in the chosen order, page after page as the person scrolls. After a jump to a
 * month (`from`) it pages both ways: later pages continue the order, earlier ones (what the
 * order puts above the jump, e.g. the newer months of a newest-first view) are the same
 * keyset paging in the opposite order from the same instant, so nothing between is skipped
 * and nothing loaded twice.
 */
export function useLibrary(query: LibraryQuery) {
  const result = useInfiniteQuery({
    queryKey: ['library', query],
    queryFn: ({ pageParam, signal }) =>
      fetchLibraryPage(
        pageParam.toward === 'earlier' ? { ...query, order: query.order === 'desc' ? 'asc' : 'desc' } : query,
        pageParam.cursor,
        pageSize,
        signal,
      ),
    initialPageParam: start,
    getNextPageParam: (last: LibraryPage, _pages, param: PageParam): PageParam | undefined =>
      param.toward === 'later' && last.next_cursor ? { cursor: last.next_cursor, toward: 'later' } : undefined,
    getPreviousPageParam: (first: LibraryPage, _pages, param: PageParam): PageParam | undefined => {
      if (!query.from) return undefined;
      if (param.toward === 'later') return { cursor: null, toward: 'earlier' };
      return first.next_cursor ? { cursor: first.next_cursor, toward: 'earlier' } : undefined;
    },
    // Signed media URLs expire; a library kept for hours would show broken images.
    staleTime: 5 * 60_000,
  });
  const items = useMemo<MediaItem[]>(
    () => (result.data ? pagesInOrder(result.data.pages, result.data.pageParams as PageParam[]) : []),
    [result.data],
  );
  const total = result.data?.pages.at(-1)?.total ?? result.data?.pages[0]?.total ?? 0;
  return { ...result, items, total };
}
