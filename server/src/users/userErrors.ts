/** A user-management request that cannot be carried out, with a message for the person asking. */
export class UserInputError extends Error {
  override name = 'UserInputError';
  constructor(
    readonly code: 'weak_password' | 'duplicate' | 'invalid' | 'not_found' | 'last_admin',
    message: string,
  ) {
    super(message);
  }
}
