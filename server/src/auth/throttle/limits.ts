import type { Counter } from './AttemptCounter.js';

const minutes = (n: number) => n * 60_000;

/**
 * Sign-in limits. Each attempt is counted on all three before the password is checked:
 * - per account and address, 5 in 15 minutes: the brute-force cap on one source, and the only
 *   count that locks for long, so a stranger's guesses lock the account at the stranger's
 *   address, not at the member's;
 * - per address, 10 in 15 minutes: one address trying many accounts (a shared tablet still
 *   leaves room for a second person after one is locked out);
 * - per account from anywhere, 20 in 5 minutes: guesses spread over many addresses; reaching it
 *   takes four addresses, and it locks everyone out for 5 minutes at most.
 * The account is `user:<id>` when the login names someone (username and email count together),
 * else `login:<fingerprint>`, so unknown logins are throttled alike and their text is not kept.
 */
export const signInLimits = {
  accountAtAddress: { limit: 5, windowMs: minutes(15) },
  address: { limit: 10, windowMs: minutes(15) },
  account: { limit: 20, windowMs: minutes(5) },
} as const;

/** The first-admin setup code, per address: 5 wrong codes in 15 minutes. */
export const setupLimits = {
  address: { limit: 5, windowMs: minutes(15) },
} as const;

export function signInCounters(address: string, account: string): Counter[] {
  return [
    { key: `throttle:sign-in:account-address:${account}:${address}`, ...signInLimits.accountAtAddress },
    { key: `throttle:sign-in:address:${address}`, ...signInLimits.address },
    { key: `throttle:sign-in:account:${account}`, ...signInLimits.account },
  ];
}

export function setupCounters(address: string): Counter[] {
  return [{ key: `throttle:setup:address:${address}`, ...setupLimits.address }];
}
