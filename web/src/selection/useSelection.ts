import { useCallback, useMemo, useRef, useState } from 'react';
import { idsBetween } from './idsBetween';

export interface Selection {
  /** Selection mode: a tap or click on a tile selects it instead of opening it. */
  active: boolean;
  selected: ReadonlySet<string>;
  /** The selected ids in the order shown. */
  ids: string[];
  start: () => void;
  /** Leaves selection mode, forgetting what was selected. */
  end: () => void;
  /** Selects or unselects one tile; `range` (shift) selects from the last one touched to this one. */
  toggle: (id: string, range: boolean) => void;
  selectAll: () => void;
  /** A month's "Select all": selects these, or unselects them when all already are. */
  selectGroup: (ids: readonly string[]) => void;
}

interface State {
  active: boolean;
  selected: ReadonlySet<string>;
  anchor: string | null;
}

const none: State = { active: false, selected: new Set(), anchor: null };

/**
 * Picking several items of a grid (library views and the trash). `ordered` is the
 * grid's items in the order shown, for shift-click ranges and "select all".
 */
export function useSelection(ordered: readonly string[]): Selection {
  const [state, setState] = useState<State>(none);
  const shown = useRef(ordered);
  shown.current = ordered;

  const toggle = useCallback((id: string, range: boolean) => {
    setState((current) => {
      const selected = new Set(current.selected);
      const between = range && current.anchor ? idsBetween(shown.current, current.anchor, id) : null;
      if (between) for (const one of between) selected.add(one);
      else if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      return { active: true, selected, anchor: id };
    });
  }, []);
  const start = useCallback(() => setState((current) => ({ ...current, active: true })), []);
  const end = useCallback(() => setState(none), []);
  const selectAll = useCallback(
    () => setState((current) => ({ active: true, selected: new Set(shown.current), anchor: current.anchor })),
    [],
  );

  const selectGroup = useCallback(
    (group: readonly string[]) =>
      setState((current) => {
        const selected = new Set(current.selected);
        const all = group.every((id) => selected.has(id));
        for (const id of group) {
          if (all) selected.delete(id);
          else selected.add(id);
        }
        return { active: true, selected, anchor: current.anchor };
      }),
    [],
  );

  const ids = useMemo(() => ordered.filter((id) => state.selected.has(id)), [ordered, state.selected]);
  return { active: state.active, selected: state.selected, ids, start, end, toggle, selectAll, selectGroup };
}
