import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { addToAlbum, createAlbum, deleteAlbum, removeFromAlbum, updateAlbum } from '../api/albums';
import type { LibraryQuery } from '../api/media';
import type { Album, AlbumChange } from '../api/types';

/** The album list, the album, its grid (any order or search) and its timeline are fetched again. */
function refreshAlbum(queryClient: QueryClient, id: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['albums'] }),
    queryClient.invalidateQueries({
      queryKey: ['library-months'],
      predicate: (query) => (query.queryKey[1] as LibraryQuery | undefined)?.album === id,
    }),
    queryClient.invalidateQueries({
      queryKey: ['library'],
      predicate: (query) => (query.queryKey[1] as LibraryQuery | undefined)?.album === id,
    }),
  ]);
}

export function useCreateAlbum() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAlbum,
    onSuccess: (album) => {
      queryClient.setQueryData(['albums', album.id], album);
      return queryClient.invalidateQueries({ queryKey: ['albums'], exact: true });
    },
  });
}

export function useUpdateAlbum(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: AlbumChange) => updateAlbum(id, change),
    onSuccess: (album) => {
      queryClient.setQueryData(['albums', id], album);
      return queryClient.invalidateQueries({ queryKey: ['albums'], exact: true });
    },
  });
}

export function useDeleteAlbum(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteAlbum(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['albums', id] });
      queryClient.removeQueries({
        queryKey: ['library'],
        predicate: (query) => (query.queryKey[1] as LibraryQuery | undefined)?.album === id,
      });
      return queryClient.invalidateQueries({ queryKey: ['albums'], exact: true });
    },
  });
}

/** Adds items to an album, which may be one made a moment ago (then `album` is its name, to make it first). */
export function useAddToAlbum() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ album, mediaIds }: { album: Album | { name: string }; mediaIds: string[] }) => {
      const target = 'id' in album ? album : await createAlbum({ name: album.name });
      const { added } = await addToAlbum(target.id, mediaIds);
      return { album: target, added };
    },
    onSuccess: ({ album }) => refreshAlbum(queryClient, album.id),
  });
}

export function useRemoveFromAlbum(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (mediaIds: string[]) => {
      for (const mediaId of mediaIds) await removeFromAlbum(id, mediaId);
    },
    onSettled: () => refreshAlbum(queryClient, id),
  });
}
