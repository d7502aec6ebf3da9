import { describe, expect, it } from 'vitest';
import { renditionUrlFields, type RenditionUrlField } from '@keepsake/contracts';
import type { MediaItem } from '../api/types';
import { buildRows, monthGrouping } from './buildRows';
import { columnsForWidth } from './columnsForWidth';
import { libraryQueryFrom } from './librarySearch';

const item = (id: string, created_at: string, taken_at: string | null = null): MediaItem => ({
  id,
  type: 'image',
  original_name: `${id}.jpg`,
  name: `${id}.jpg`,
  mime: 'image/webp',
  size: 1,
  width: 1,
  height: 1,
  duration: null,
  taken_at,
  created_at,
  is_favourite: false,
  caption: null,
  ...(Object.fromEntries(renditionUrlFields.map((field) => [field, null])) as Record<RenditionUrlField, null>),
  metadata: { width: 1, height: 1, size_bytes: 1 },
});

const byTaken = monthGrouping((i) => i.taken_at ?? i.created_at, 'UTC');

describe('gallery rows', () => {
  it('puts a month header where the month changes and fills rows to the column count', () => {
    const items = [
      item('a', '2024-07-30T10:00:00Z'),
      item('b', '2024-07-02T10:00:00Z'),
      item('c', '2024-07-01T00:00:00Z'),
      item('d', '2024-06-15T10:00:00Z'),
    ];
    const rows = buildRows(items, 2, byTaken);
    expect(rows.map((row) => (row.kind === 'header' ? row.label : row.items.map((i) => i.id).join('')))).toEqual([
      expect.stringMatching(/July.*2024|2024.*July/),
      'ab',
      'c',
      expect.stringMatching(/June.*2024|2024.*June/),
      'd',
    ]);
  });

  it('groups by the date taken when the file has one', () => {
    const rows = buildRows([item('a', '2025-01-01T00:00:00Z', '2019-03-03T12:00:00Z')], 4, byTaken);
    expect(rows[0]).toMatchObject({ kind: 'header', key: 'header:2019-03' });
  });

  it('has no headers without grouping, and unique row keys', () => {
    const items = Array.from({ length: 7 }, (_, n) => item(`i${n}`, '2024-01-01T00:00:00Z'));
    const rows = buildRows(items, 3, null);
    expect(rows.map((row) => row.kind)).toEqual(['tiles', 'tiles', 'tiles']);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });
});

describe('columns', () => {
  it('goes from 2 on a phone to 6 on a wide screen', () => {
    expect([360, 600, 800, 1200, 1920].map(columnsForWidth)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('library search parameters', () => {
  it('reads filter and sort, ignoring nonsense', () => {
    expect(libraryQueryFrom(new URLSearchParams('type=video&sort=name-asc'))).toEqual({
      type: 'video',
      favourites: false,
      sort: 'name',
      order: 'asc',
    });
    expect(libraryQueryFrom(new URLSearchParams('type=pdf&sort=size'))).toEqual({
      type: 'all',
      favourites: false,
      sort: 'taken',
      order: 'desc',
    });
  });
});
