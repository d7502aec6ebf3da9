import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, t=3, p=4): well above OWASP's floor. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, for sign-ins with an unknown username,
 * so response time does not reveal which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('keepsake-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
