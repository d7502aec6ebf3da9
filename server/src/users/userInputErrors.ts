import { ApiError } from '../errors/ApiError.js';
import { UserInputError } from './userErrors.js';

/** User-management refusals as API errors, the message kept (it is written for a person). */
export async function asApiErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    switch (error.code) {
      case 'weak_password':
      case 'invalid':
        throw new ApiError('SYSTEM_003', error.message);
      case 'not_found':
        throw new ApiError('SYSTEM_005', error.message);
      case 'duplicate':
      case 'last_admin':
        throw new ApiError('SYSTEM_006', error.message);
    }
  }
}
