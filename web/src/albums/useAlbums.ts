import { useQuery } from '@tanstack/react-query';
import { fetchAlbum, fetchAlbums } from '../api/albums';

/**
 * Albums are the household's: someone else may have renamed or filled one a moment ago, so
 * each visit asks again (showing what is cached meanwhile).
 */
const staleTime = 0;

/** Every album of the household ('albums' is the key every album change refreshes). */
export function useAlbums() {
  return useQuery({ queryKey: ['albums'], queryFn: ({ signal }) => fetchAlbums(signal), staleTime });
}

export function useAlbum(id: string) {
  return useQuery({ queryKey: ['albums', id], queryFn: ({ signal }) => fetchAlbum(id, signal), staleTime });
}
