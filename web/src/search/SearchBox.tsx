import { useEffect, useRef, useState } from 'react';
import '../styles/search.css';
import { isTyping } from '../keyboard/isTyping';

/** Long enough that a word typed at normal speed is one request, short enough to feel live. */
const debounceMs = 300;

interface Props {
  /** The search in the address (what the gallery shows). */
  value: string;
  /** A new search: `replace` while typing, so Back skips the half-typed words. */
  onSearch: (q: string, options: { replace: boolean }) => void;
}

/**
 * The gallery's one search box: names, cameras, captions and dates (`June 2023`). The text is
 * kept locally while typing and written to the address after a pause, so the address (and with
 * it Back and shared links) always says what is shown. Escape clears; `/` jumps here on desktop.
 */
export function SearchBox({ value, onSearch }: Props) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  // Whether the current run of typing has already added a history entry.
  const typing = useRef(false);
  // The latest callback, so a page re-rendering (progress events) does not restart the pause.
  const search = useRef(onSearch);
  search.current = onSearch;

  // Back, Forward or a link changed the search: show it.
  useEffect(() => {
    if (value.trim() !== text.trim()) setText(value);
  }, [value]);

  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = window.setTimeout(() => {
      search.current(text.trim(), { replace: typing.current });
      typing.current = true;
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [text, value]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented || isTyping(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const clear = () => {
    setText('');
    typing.current = false;
    if (value) onSearch('', { replace: false });
  };

  return (
    <form className="search-box" role="search" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="gallery-search" className="visually-hidden">
        Search names, cameras, captions and dates
      </label>
      <input
        ref={input}
        id="gallery-search"
        type="search"
        enterKeyHint="search"
        autoComplete="off"
        maxLength={200}
        placeholder="Search (e.g. beach June 2023)"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => (typing.current = false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            clear();
          } else if (event.key === 'Enter' && text.trim() !== value.trim()) {
            onSearch(text.trim(), { replace: typing.current });
            typing.current = true;
          }
        }}
      />
      {text && (
        <button type="button" className="search-clear" aria-label="Clear search" onClick={clear}>
          ×
        </button>
      )}
    </form>
  );
}
