import { useEffect } from 'react';
import { isTyping } from '../keyboard/isTyping';
import type { Selection } from './useSelection';

/**
 * The grid's selection keys: `s` starts (or leaves) selection mode, Esc leaves it, Ctrl/⌘+A
 * selects every item loaded. Off while the viewer or a dialog has the keyboard (`paused`).
 */
export function useSelectionShortcuts(selection: Selection, paused: boolean): void {
  const { active, start, end, selectAll } = selection;
  useEffect(() => {
    if (paused) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const command = event.ctrlKey || event.metaKey;
      if (event.key === 's' && !command && !event.altKey) (active ? end : start)();
      else if (event.key === 'Escape' && active) end();
      else if (event.key === 'a' && command && active) selectAll();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused, active, start, end, selectAll]);
}
