import { createHmac, hkdfSync } from 'node:crypto';

/**
 * A stand-in for a login nobody has: a keyed hash, because what was typed into the login field
 * is sometimes a password. The key is derived from the URL-signing secret for this one use, so
 * the fingerprints in the audit log and in Redis can neither be reversed by guessing nor be
 * mistaken for anything signed with that secret. The same login gives the same fingerprint, so
 * repeated attempts still show as one.
 */
export function loginFingerprinter(urlSigningSecret: string): (login: string) => string {
  const key = Buffer.from(hkdfSync('sha256', urlSigningSecret, '', 'keepsake unknown-login fingerprint', 32));
  return (login) => createHmac('sha256', key).update(login.trim().toLowerCase()).digest('hex').slice(0, 32);
}
