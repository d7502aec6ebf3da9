import { describe, expect, it } from 'vitest';
import { idsBetween } from './idsBetween';

describe('idsBetween (shift-click ranges)', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];

  it('takes both ends and everything between, forwards or backwards', () => {
    expect(idsBetween(ids, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(idsBetween(ids, 'e', 'c')).toEqual(['c', 'd', 'e']);
    expect(idsBetween(ids, 'c', 'c')).toEqual(['c']);
  });

  it('gives up when an end is no longer shown', () => {
    expect(idsBetween(ids, 'gone', 'c')).toBeNull();
    expect(idsBetween(ids, 'a', 'gone')).toBeNull();
  });
});
