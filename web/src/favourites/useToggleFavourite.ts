import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { setFavourite, type LibraryQuery } from '../api/media';
import type { LibraryPage, MediaDetails } from '../api/types';

interface Change {
  id: string;
  favourite: boolean;
}

/** Shows the new heart everywhere the item is cached: every library view and the viewer. */
function showEverywhere(queryClient: QueryClient, { id, favourite }: Change): void {
  queryClient.setQueriesData<InfiniteData<LibraryPage>>({ queryKey: ['library'] }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === id ? { ...item, is_favourite: favourite } : item)),
          })),
        }
      : data,
  );
  queryClient.setQueryData<MediaDetails>(['media', id], (details) =>
    details ? { ...details, is_favourite: favourite } : details,
  );
}

/**
 * Hearts an item (or takes the heart away) at once on screen, then tells the server; if the
 * server refuses, the heart goes back. The Favourites view is fetched again afterwards, since
 * its membership changed.
 */
export function useToggleFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, favourite }: Change) => setFavourite(id, favourite),
    onMutate: (change) => showEverywhere(queryClient, change),
    onError: (_error, change) => showEverywhere(queryClient, { ...change, favourite: !change.favourite }),
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: ['library'],
        predicate: (query) => (query.queryKey[1] as LibraryQuery | undefined)?.favourites === true,
      }),
  });
}
