import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchLibraryPage, type LibraryQuery } from '../api/media';
import type { MediaItem } from '../api/types';

const pageSize = 120;

/** The library in the chosen order, page after page as the person scrolls. */
export function useLibrary(query: LibraryQuery) {
  const result = useInfiniteQuery({
    queryKey: ['library', query],
    queryFn: ({ pageParam, signal }) => fetchLibraryPage(query, pageParam, pageSize, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // Signed media URLs expire; a library kept for hours would show broken images.
    staleTime: 5 * 60_000,
  });
  const items = useMemo<MediaItem[]>(() => {
    // A page boundary can move while items arrive; never show one item twice.
    const seen = new Set<string>();
    return (result.data?.pages ?? []).flatMap((page) =>
      page.items.filter((item) => !seen.has(item.id) && seen.add(item.id)),
    );
  }, [result.data]);
  const total = result.data?.pages.at(-1)?.total ?? result.data?.pages[0]?.total ?? 0;
  return { ...result, items, total };
}
