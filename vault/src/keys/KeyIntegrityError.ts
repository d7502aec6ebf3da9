/**
 * A stored key does not unwrap although the master key was verified at start: its row was
 * altered, or a wrapped key was copied onto another row. The key is unusable; restoring the
 * database from backup is the way back.
 */
export class KeyIntegrityError extends Error {
  override name = 'KeyIntegrityError';
  readonly keyId: string;

  constructor(keyId: string) {
    super(
      `Encryption key ${keyId} does not unwrap under the master key: its database row was altered or copied from another row`,
    );
    this.keyId = keyId;
  }
}
