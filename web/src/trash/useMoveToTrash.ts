import { useMutation, useQueryClient } from '@tanstack/react-query';
import { moveToTrash } from '../api/trash';

/**
 * Moves items to the Trash, for the selection bar and the viewer alike: `onMoved` runs first
 * (the viewer moves on while the item is still in its list), then every view is refetched,
 * since the items leave the grid, albums, favourites, memories and counts.
 */
export function useMoveToTrash(onMoved: (moved: string[]) => void, onFailed: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveToTrash,
    onSuccess: async (moved) => {
      onMoved(moved);
      await queryClient.invalidateQueries();
    },
    onError: onFailed,
  });
}
