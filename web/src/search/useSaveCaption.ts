import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { saveCaption, type LibraryQuery } from '../api/media';
import type { LibraryPage, MediaDetails } from '../api/types';

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
      const shown = caption.trim() || null;
      queryClient.setQueriesData<InfiniteData<LibraryPage>>({ queryKey: ['library'] }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => (item.id === id ? { ...item, caption: shown } : item)),
              })),
            }
          : data,
      );
      queryClient.setQueryData<MediaDetails>(['media', id], (details) =>
        details ? { ...details, caption: shown } : details,
      );
      void queryClient.invalidateQueries({
        queryKey: ['library'],
        predicate: (query) => Boolean((query.queryKey[1] as LibraryQuery | undefined)?.q),
      });
    },
  });
}
