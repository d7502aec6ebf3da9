import { describe, expect, it } from 'vitest';
import { parseSearch } from './parseSearch.js';

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
const range = (from: string, before: string) => ({ from: day(from), before: day(before) });

describe('parseSearch', () => {
  it('plain words, de-duplicated, no date', () => {
    expect(parseSearch('  beach  IMG_20 beach ')).toEqual({ words: ['beach', 'IMG_20'] });
    expect(parseSearch('')).toEqual({ words: [] });
  });

  it('a year, a month and a day, each the whole span (UTC, half-open)', () => {
    expect(parseSearch('2024')).toEqual({ words: [], dateRange: range('2024-01-01', '2025-01-01') });
    expect(parseSearch('2023-06')).toEqual({ words: [], dateRange: range('2023-06-01', '2023-07-01') });
    expect(parseSearch('2023-12')).toEqual({ words: [], dateRange: range('2023-12-01', '2024-01-01') });
    expect(parseSearch('2024-02-29')).toEqual({ words: [], dateRange: range('2024-02-29', '2024-03-01') });
  });

  it('month names in English, any case, full or short, with a year', () => {
    for (const text of ['June 2023', 'june 2023', 'JUN 2023']) {
      expect(parseSearch(text)).toEqual({ words: [], dateRange: range('2023-06-01', '2023-07-01') });
    }
    expect(parseSearch('beach Sept 2022 dog')).toEqual({
      words: ['beach', 'dog'],
      dateRange: range('2022-09-01', '2022-10-01'),
    });
    // A month with no year is a word (it may be a name or a caption).
    expect(parseSearch('may')).toEqual({ words: ['may'] });
  });

  it('ranges are inclusive of their last day, month or year', () => {
    expect(parseSearch('2024-06-01..2024-06-30')).toEqual({ words: [], dateRange: range('2024-06-01', '2024-07-01') });
    expect(parseSearch('2022..2023')).toEqual({ words: [], dateRange: range('2022-01-01', '2024-01-01') });
    expect(parseSearch('2023-11..2024-02')).toEqual({ words: [], dateRange: range('2023-11-01', '2024-03-01') });
  });

  it('invalid dates are words', () => {
    for (const text of ['2023-02-30', '2023-13', '2023-00', '1066', '2024-06-30..2024-06-01', '2024..', '12345']) {
      expect(parseSearch(text)).toEqual({ words: [text] });
    }
  });

  it('several dates widen to one span', () => {
    expect(parseSearch('2021 June 2023')).toEqual({ words: [], dateRange: range('2021-01-01', '2023-07-01') });
  });

  it('"last summer" is the latest June to August under way or over', () => {
    expect(parseSearch('last summer', day('2026-12-01'))).toEqual({
      words: [],
      dateRange: range('2026-06-01', '2026-09-01'),
    });
    expect(parseSearch('Last Summer beach', day('2026-03-01'))).toEqual({
      words: ['beach'],
      dateRange: range('2025-06-01', '2025-09-01'),
    });
  });

  it('quotes make a phrase a word, never a date; hostile text stays text', () => {
    expect(parseSearch('"2024" "big dog"')).toEqual({ words: ['2024', 'big dog'] });
    expect(parseSearch(`100% a_b back\\slash 'it''s' 日本 "unclosed`)).toEqual({
      words: ['100%', 'a_b', 'back\\slash', "'it''s'", '日本', '"unclosed'],
    });
  });

  it('keeps at most 12 words', () => {
    expect(parseSearch(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')).words).toHaveLength(12);
  });
});
