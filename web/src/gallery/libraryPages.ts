import type { LibraryPage, MediaItem } from '../api/types';

/** A library page's place: `later` pages follow the view's order, `earlier` ones run against it from a jump. */
export interface PageParam {
  cursor: string | null;
  toward: 'later' | 'earlier';
}

/**
 * The loaded pages as one list in the view's order: an earlier page arrived in the opposite
 * order (nearest the jump first), so it is turned round. A page boundary can move while items
 * arrive; no item is shown twice.
 */
export function pagesInOrder(pages: readonly LibraryPage[], params: readonly PageParam[]): MediaItem[] {
  const seen = new Set<string>();
  return pages.flatMap((page, index) =>
    (params[index]?.toward === 'earlier' ? [...page.items].reverse() : page.items).filter(
      (item) => !seen.has(item.id) && seen.add(item.id),
    ),
  );
}
