import type { ReactNode } from 'react';
import { MAX_TRASH_ITEMS } from '@keepsake/contracts';
import { SelectionLimitButton } from '../selection/SelectionLimitButton';
import type { Selection } from '../selection/useSelection';
import { MovedToTrashNotice } from './MovedToTrashNotice';
import { trashErrorMessage } from './trashMessages';
import { useMoveToTrash } from './useMoveToTrash';

interface Props {
  selection: Selection;
  report: (message: ReactNode) => void;
}

/** The selection leaves the library for the Trash (admins: anything; members: what they uploaded). */
export function MoveToTrashButton({ selection, report }: Props) {
  const chosen = selection.ids;
  const trash = useMoveToTrash(
    (moved) => {
      selection.end();
      report(<MovedToTrashNotice count={moved.length} />);
    },
    (error) => report(trashErrorMessage(error, 'move to the trash')),
  );
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
