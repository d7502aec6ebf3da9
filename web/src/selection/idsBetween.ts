/**
 * The ids from `anchor` to `target` inclusive, in the order shown (either direction): what a
 * shift-click selects. Null when either is not on screen any more, so the click selects one.
 */
export function idsBetween(ordered: readonly string[], anchor: string, target: string): string[] | null {
  const from = ordered.indexOf(anchor);
  const to = ordered.indexOf(target);
  if (from < 0 || to < 0) return null;
  return ordered.slice(Math.min(from, to), Math.max(from, to) + 1);
}
