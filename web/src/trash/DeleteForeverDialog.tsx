import { Dialog } from '../components/Dialog';
import { itemCount } from './trashMessages';

interface Props {
  count: number;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** The one step that cannot be undone asks first, and says what it does. */
export function DeleteForeverDialog({ count, pending, onConfirm, onClose }: Props) {
  return (
    <Dialog title={`Delete ${itemCount(count)} forever?`} onClose={onClose}>
      <p>
        Their encryption keys are destroyed, so no copy of their files can be opened again, then the files are removed.
        This cannot be undone. A backup made before now still holds them.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose}>
          Keep them
        </button>
        <button type="button" className="button danger" disabled={pending} onClick={onConfirm}>
          Delete forever
        </button>
      </div>
    </Dialog>
  );
}
