import { ApiError, NetworkError } from '../api/ApiError';
import { formatWait } from '../format/formatWait';

/** What to tell a person whose sign-in failed, in words they can act on. */
export function signInMessage(error: unknown, secondsLeft: number | null): string {
  if (error instanceof NetworkError) return error.message;
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'AUTH_001':
      return 'Wrong username or password.';
    case 'AUTH_008':
      return 'This account is disabled. Ask the person who runs Keepsake to enable it again.';
    case 'AUTH_005':
      return secondsLeft === null
        ? 'Too many sign-in attempts. Please wait a while before trying again.'
        : secondsLeft > 0
          ? `Too many sign-in attempts. Please wait ${formatWait(secondsLeft)} before trying again.`
          : 'You can try again now.';
    case 'SEC_001':
      return 'Keepsake only answers on the home network or the VPN. Connect to the VPN, then try again.';
    case 'SYSTEM_003':
      return 'Please fill in your username or email, your password and a device name.';
    default:
      return error.status >= 500
        ? 'Keepsake is having trouble right now. Please try again in a minute.'
        : `Sign-in failed: ${error.message}`;
  }
}
