import { describe, expect, it } from 'vitest';
import type { LibraryPage } from '../api/types';
import { fakeItem } from './fakeItem';
import { pagesInOrder } from './libraryPages';

const page = (...ids: string[]): LibraryPage => ({
  items: ids.map((id) => fakeItem(id, '2024-01-01T00:00:00Z')),
  next_cursor: null,
  total: 9,
});

describe('library pages around a jump', () => {
  it('turns the earlier pages round so the list runs in the view order, once per item', () => {
    // Fetched: the jump's page (d e), then the newer months nearest it first (c b, then a).
    const pages = [page('a'), page('c', 'b'), page('d', 'e'), page('e', 'f')];
    const params = [
      { cursor: 'x', toward: 'earlier' },
      { cursor: null, toward: 'earlier' },
      { cursor: null, toward: 'later' },
      { cursor: 'y', toward: 'later' },
    ] as const;
    expect(pagesInOrder(pages, params).map((item) => item.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
