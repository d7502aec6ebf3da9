import type { ReactNode } from 'react';
import type { Selection } from './useSelection';
import '../styles/selection.css';

interface Props {
  selection: Selection;
  /** The actions on the selected items (Add to album, Remove, …). */
  children: ReactNode;
}

/**
 * The bar of a selection, along the bottom of the screen where a thumb reaches it. Esc
 * leaves selection mode, Ctrl/⌘+A selects every item loaded (the page's shortcuts).
 */
export function SelectionBar({ selection, children }: Props) {
  if (!selection.active) return null;
  const count = selection.ids.length;
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection">
      <button type="button" className="button subtle" onClick={selection.end} title="Leave selection (Esc)">
        Cancel
      </button>
      <span className="selection-count" aria-live="polite">
        {count === 0 ? 'Tap items to select them' : `${count.toLocaleString()} selected`}
      </span>
      <button type="button" className="button subtle" onClick={selection.selectAll} title="Select all (Ctrl+A)">
        Select all
      </button>
      <div className="selection-actions">{children}</div>
    </div>
  );
}
