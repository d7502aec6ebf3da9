import { useId, type ReactNode } from 'react';
import type { LibraryQuery } from '../api/media';
import { sortChoices, sortValue, typeChoices } from './librarySearch';

interface Props {
  query: LibraryQuery;
  total: number | null;
  onChange: (change: { type?: string; sort?: string }) => void;
  /** The search box, when the page has one. */
  search?: ReactNode;
  /** The button into selection mode, when there is something to select. */
  select?: ReactNode;
  /** Buttons at the toolbar's end (Upload). */
  actions?: ReactNode;
}

export function GalleryToolbar({ query, total, onChange, search, select, actions }: Props) {
  const id = useId();
  return (
    <div className="gallery-toolbar">
      {search}
      <div className="segmented" role="group" aria-label="Show">
        {typeChoices.map((choice) => (
          <button
            key={choice.value}
            type="button"
            aria-pressed={query.type === choice.value}
            onClick={() => onChange({ type: choice.value })}
          >
            {choice.label}
          </button>
        ))}
      </div>
      <div className="toolbar-end">
        {select}
        {total !== null && (
          <span className="muted count" aria-live="polite">
            {total.toLocaleString()} {total === 1 ? 'item' : 'items'}
          </span>
        )}
        <label htmlFor={`${id}-sort`} className="visually-hidden">
          Sort by
        </label>
        <select id={`${id}-sort`} value={sortValue(query)} onChange={(event) => onChange({ sort: event.target.value })}>
          {sortChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {actions}
      </div>
    </div>
  );
}
