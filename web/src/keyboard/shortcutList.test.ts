import { describe, expect, it } from 'vitest';
import { shortcutList } from './shortcutList';

describe('the shortcut list', () => {
  it('reads every line of its tables as keys and what they do', () => {
    const all = shortcutList.flatMap((group) => group.keys);
    expect(all.length).toBeGreaterThan(20);
    for (const shortcut of all) {
      expect(shortcut.keys).toMatch(/\S/);
      expect(shortcut.does).toMatch(/\S/);
      expect(shortcut.does).not.toContain('|');
    }
    expect(shortcutList.at(-1)).toEqual({ area: 'Everywhere', keys: [{ keys: '?', does: 'This list' }] });
    expect(shortcutList[0]!.keys[0]).toEqual({ keys: '/', does: 'Search' });
  });
});
