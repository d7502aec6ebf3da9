import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveCaption, type LibraryQuery } from '../api/media';
import { updateCachedItem } from '../gallery/updateCachedItem';

interface Change {
  id: string;
  caption: string;
}

/**
 * Saves a caption, then shows it wherever the item is cached (every gallery view and the
 * viewer). Searches are fetched again, since what they match has changed.
 */
export function useSaveCaption() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, caption }: Change) => saveCaption(id, caption),
    onSuccess: (_result, { id, caption }) => {
      updateCachedItem(queryClient, id, { caption: caption.trim() || null });
      void queryClient.invalidateQueries({
        queryKey: ['library'],
        predicate: (query) => Boolean((query.queryKey[1] as LibraryQuery | undefined)?.q),
      });
    },
  });
}
