import { useId, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';

export interface AlbumFields {
  name: string;
  description: string;
}

interface Props {
  title: string;
  submitLabel: string;
  initial?: AlbumFields;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: AlbumFields) => void;
  onClose: () => void;
}

/** Name and optional description of an album: for a new one and for renaming. */
export function AlbumFormDialog({ title, submitLabel, initial, pending, error, onSubmit, onClose }: Props) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) onSubmit({ name: name.trim(), description: description.trim() });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Album name</label>
          <input
            id={`${id}-name`}
            required
            maxLength={200}
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description (optional)</label>
          <textarea
            id={`${id}-description`}
            maxLength={2000}
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        {error ? <ErrorNotice error={error} action="save the album" /> : null}
        <div className="dialog-actions">
          <button type="button" className="button subtle" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={pending || !name.trim()}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
