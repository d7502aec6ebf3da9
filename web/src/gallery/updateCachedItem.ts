import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { LibraryPage, MediaDetails, MediaItem } from '../api/types';

/** Changes an item wherever it is cached: every library view (any filter or search) and the viewer. */
export function updateCachedItem(queryClient: QueryClient, id: string, change: Partial<MediaItem>): void {
  queryClient.setQueriesData<InfiniteData<LibraryPage>>({ queryKey: ['library'] }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === id ? { ...item, ...change } : item)),
          })),
        }
      : data,
  );
  queryClient.setQueryData<MediaDetails>(['media', id], (details) => (details ? { ...details, ...change } : details));
}
