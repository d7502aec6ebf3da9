import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { setFavourite, type LibraryQuery } from '../api/media';
import { updateCachedItem } from '../gallery/updateCachedItem';

interface Change {
  id: string;
  favourite: boolean;
}

/** Shows the new heart everywhere the item is cached: every library view and the viewer. */
function showEverywhere(queryClient: QueryClient, { id, favourite }: Change): void {
  updateCachedItem(queryClient, id, { is_favourite: favourite });
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
