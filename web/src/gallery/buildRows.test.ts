import { describe, expect, it } from 'vitest';
import { buildRows, monthGrouping } from './buildRows';
import { columnsForWidth } from './columnsForWidth';
import { fakeItem as item } from './fakeItem';
import { libraryQueryFrom } from './librarySearch';

const byTaken = monthGrouping((i) => i.taken_at ?? i.created_at);

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

  it('groups in UTC, as the scrubber counts, wherever the browser is', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles'; // where 00:30 UTC on 1 July is still 30 June
    try {
      const rows = buildRows(
        [item('a', '2024-07-01T00:30:00Z')],
        4,
        monthGrouping((i) => i.created_at),
      );
      expect(rows[0]).toMatchObject({ kind: 'header', key: 'header:2024-07' });
    } finally {
      process.env.TZ = zone;
    }
  });

  it('tells every row the month it belongs to', () => {
    const items = [item('a', '2024-07-30T10:00:00Z'), item('d', '2024-06-15T10:00:00Z')];
    expect(buildRows(items, 2, byTaken).map((row) => row.group)).toEqual(['2024-07', '2024-07', '2024-06', '2024-06']);
    expect(buildRows(items, 2, null).map((row) => row.group)).toEqual([null]);
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
