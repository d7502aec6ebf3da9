import { useEffect, useId, useState } from 'react';
import { useSaveCaption } from '../search/useSaveCaption';
import '../styles/search.css';

/** The server's limit (routes/media/caption.ts); counted the same way, in characters. */
const maxLength = 500;

/**
 * The item's caption, shared by the household: shown as text, edited in place. Enter saves
 * (Shift+Enter is a new line), Escape cancels; the viewer's own keys stay out of the way while
 * typing.
 */
export function CaptionEditor({ id, caption }: { id: string; caption: string | null }) {
  const field = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(caption ?? '');
  const save = useSaveCaption();

  // Another item, or the saved caption came back: start from what is stored.
  useEffect(() => {
    setEditing(false);
    setText(caption ?? '');
  }, [id, caption]);

  const submit = () => {
    if (text.trim() === (caption ?? '')) return setEditing(false);
    save.mutate({ id, caption: text }, { onSuccess: () => setEditing(false) });
  };

  if (!editing) {
    return (
      <div className="caption-editor">
        {caption && <p className="caption-text">{caption}</p>}
        <button type="button" className="button subtle" onClick={() => setEditing(true)}>
          {caption ? 'Edit caption' : 'Add a caption'}
        </button>
      </div>
    );
  }

  return (
    <form
      className="caption-editor"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={field} className="visually-hidden">
        Caption
      </label>
      <textarea
        id={field}
        autoFocus
        value={text}
        maxLength={maxLength}
        placeholder="Who, where, what happened"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            setText(caption ?? '');
            setEditing(false);
          }
        }}
      />
      <div className="caption-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button subtle" onClick={() => setEditing(false)}>
          Cancel
        </button>
        <span className="muted">
          {[...text].length}/{maxLength}
        </span>
      </div>
      {save.isError && (
        <p className="error" role="alert">
          Could not save the caption: {save.error.message}
        </p>
      )}
    </form>
  );
}
