import type { LibraryQuery } from '../api/media';
import { jumpStart } from './monthJump';

/** The gallery's filter and order live in the address, so reloads and links keep them. */
export const sortChoices = [
  { value: 'taken-desc', label: 'Date taken, newest first' },
  { value: 'taken-asc', label: 'Date taken, oldest first' },
  { value: 'created-desc', label: 'Date added, newest first' },
  { value: 'created-asc', label: 'Date added, oldest first' },
  { value: 'name-asc', label: 'Name, A to Z' },
  { value: 'name-desc', label: 'Name, Z to A' },
] as const;

export const typeChoices = [
  { value: 'all', label: 'All' },
  { value: 'image', label: 'Photos' },
  { value: 'video', label: 'Videos' },
] as const;

/** The view's query from the address; `favourites` and `album` come from the page, not the address. */
export function libraryQueryFrom(
  params: URLSearchParams,
  { favourites = false, album }: { favourites?: boolean; album?: string } = {},
): LibraryQuery {
  const type = params.get('type');
  const sort = params.get('sort');
  const choice = sortChoices.find((c) => c.value === sort)?.value ?? 'taken-desc';
  const [by, order] = choice.split('-') as [LibraryQuery['sort'], LibraryQuery['order']];
  const q = params.get('q')?.trim();
  // `month` in the address is a jump made with the timeline scrubber.
  const from = jumpStart(params.get('month') ?? '', order, by);
  return {
    type: type === 'image' || type === 'video' ? type : 'all',
    favourites,
    sort: by,
    order,
    ...(q ? { q } : {}),
    ...(album ? { album } : {}),
    ...(from ? { from } : {}),
  };
}

export function sortValue(query: LibraryQuery): string {
  return `${query.sort}-${query.order}`;
}
