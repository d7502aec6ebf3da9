import { useEffect, type ReactNode } from 'react';
import type { MediaDetails } from '../api/types';
import { TrashIcon } from '../components/icons';
import { isTyping } from '../keyboard/isTyping';
import { MovedToTrashNotice } from '../trash/MovedToTrashNotice';
import { trashErrorMessage } from '../trash/trashMessages';
import { useMoveToTrash } from '../trash/useMoveToTrash';

interface Props {
  details: MediaDetails;
  /** The item is in the Trash: the viewer moves on. */
  onMoved: () => void;
  report: (message: ReactNode) => void;
}

/** Delete, or ⌘⌫ as in the Mac's Finder and Photos. */
const isTrashKey = (event: KeyboardEvent) =>
  event.key === 'Delete' || (event.key === 'Backspace' && (event.metaKey || event.ctrlKey));

/**
 * The viewer's Move to trash, as the selection bar's: no question asked (the Trash gives it
 * back), then a notice with the way there. Shown only when the server says this person may
 * (`can_trash`: admins any item, members their uploads); the Delete key does the same.
 */
export function ViewerTrashButton({ details, onMoved, report }: Props) {
  const trash = useMoveToTrash(
    (moved) => {
      onMoved();
      report(<MovedToTrashNotice count={moved.length} />);
    },
    (error) => report(trashErrorMessage(error, 'move to the trash')),
  );
  const { id, can_trash: allowed } = details;
  const { mutate, isPending } = trash;

  useEffect(() => {
    if (!allowed) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isTrashKey(event) || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      if (!isPending) mutate([id]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [allowed, id, isPending, mutate]);

  if (!allowed) return null;
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Move to trash"
      title="Move to the Trash (Delete)"
      disabled={isPending}
      onClick={() => mutate([id])}
    >
      <TrashIcon />
    </button>
  );
}
