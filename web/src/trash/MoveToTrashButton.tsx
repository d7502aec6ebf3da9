import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MAX_TRASH_ITEMS } from '@keepsake/contracts';
import { moveToTrash } from '../api/trash';
import { SelectionLimitButton } from '../selection/SelectionLimitButton';
import type { Selection } from '../selection/useSelection';
import { itemCount, trashErrorMessage } from './trashMessages';

interface Props {
  selection: Selection;
  report: (message: ReactNode) => void;
}

/** The selection leaves the library for the Trash (admins: anything; members: what they uploaded). */
export function MoveToTrashButton({ selection, report }: Props) {
  const queryClient = useQueryClient();
  const chosen = selection.ids;
  const trash = useMutation({
    mutationFn: moveToTrash,
    onSuccess: async (moved) => {
      selection.end();
      report(
        <>
          {itemCount(moved.length)} moved to the <Link to="/trash">Trash</Link>.
        </>,
      );
      // The items leave every view: the grid, albums, favourites, memories, counts.
      await queryClient.invalidateQueries();
    },
    onError: (error) => report(trashErrorMessage(error, 'move to the trash')),
  });
  return (
    <SelectionLimitButton
      chosen={chosen}
      limit={MAX_TRASH_ITEMS}
      busy={trash.isPending}
      className="button subtle danger"
      title="Move to the Trash (restore from there)"
      onClick={() => trash.mutate(chosen)}
    >
      Move to trash
    </SelectionLimitButton>
  );
}
