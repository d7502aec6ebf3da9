/**
 * The spec's password policy: at least 8 characters with upper, lower, digit and special. The
 * server enforces it; the gallery and the user CLI say it before anyone types.
 */
const rules: { test: (password: string) => boolean; missing: string }[] = [
  { test: (p) => [...p].length >= 8, missing: 'at least 8 characters' },
  { test: (p) => /\p{Lu}/u.test(p), missing: 'an uppercase letter' },
  { test: (p) => /\p{Ll}/u.test(p), missing: 'a lowercase letter' },
  { test: (p) => /\p{Nd}/u.test(p), missing: 'a digit' },
  { test: (p) => /[^\p{L}\p{Nd}\s]/u.test(p), missing: 'a special character (such as ! ? # %)' },
];

export const passwordPolicyText =
  'Passwords need at least 8 characters, with an uppercase letter, a lowercase letter, a digit and a special character.';

/** Maximum length: argon2 would hash megabytes happily, a login form should not ask it to. */
export const maxPasswordLength = 1024;

/** Returns what the password lacks, in words a person can act on; empty when it passes. */
export function passwordProblems(password: string): string[] {
  if (password.length > maxPasswordLength) return [`at most ${maxPasswordLength} characters`];
  return rules.filter((rule) => !rule.test(password)).map((rule) => rule.missing);
}

export function describePasswordProblems(problems: string[]): string {
  const list = problems.length > 1 ? `${problems.slice(0, -1).join(', ')} and ${problems.at(-1)}` : problems[0];
  return `Password is too weak: it needs ${list}.`;
}
