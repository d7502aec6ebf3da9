import { useQuery } from '@tanstack/react-query';
import { fetchLibraryMonths, type LibraryQuery } from '../api/media';

/** The view's per-month counts (the jump and the order do not change them; a name order has no timeline). */
export function useLibraryMonths(query: LibraryQuery) {
  const { from: _jump, order: _order, ...view } = query;
  return useQuery({
    queryKey: ['library-months', view],
    queryFn: ({ signal }) => fetchLibraryMonths(query, signal),
    enabled: query.sort !== 'name',
    staleTime: 5 * 60_000,
  });
}
