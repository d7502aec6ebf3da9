import { describe, expect, it } from 'vitest';
import { describePasswordProblems, passwordProblems } from './passwordPolicy.js';

describe('password policy', () => {
  it.each(['Kitchen#Table7', 'Ünïcödé-Pässwörd1', 'Aa1!aaaa'])('accepts %s', (password) => {
    expect(passwordProblems(password)).toEqual([]);
  });

  it.each([
    ['Aa1!aaa', ['at least 8 characters']],
    ['aaaaaaa1!', ['an uppercase letter']],
    ['AAAAAAA1!', ['a lowercase letter']],
    ['Aaaaaaaa!', ['a digit']],
    ['Aaaaaaaa1', ['a special character (such as ! ? # %)']],
    ['Aaaaaaa 1', ['a special character (such as ! ? # %)']],
  ])('refuses %s for lacking %s', (password, missing) => {
    expect(passwordProblems(password)).toEqual(missing);
  });

  it('says everything that is missing in one sentence', () => {
    expect(describePasswordProblems(passwordProblems('abc'))).toBe(
      'Password is too weak: it needs at least 8 characters, an uppercase letter, a digit and a special character (such as ! ? # %).',
    );
  });
});
