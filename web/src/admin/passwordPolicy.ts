/**
 * The rule the server enforces (server/src/users/passwordPolicy.ts), said before anyone
 * types; the server's answer names exactly what a refused password lacks.
 */
export const passwordPolicyText =
  'Passwords need at least 8 characters, with an uppercase letter, a lowercase letter, a digit and a special character.';
