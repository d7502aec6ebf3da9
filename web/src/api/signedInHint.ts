/**
 * Whether this browser was signed in when last seen. The refresh cookie is httpOnly, so the
 * page cannot see it; without this hint every first visit would fire a refresh that can only
 * fail (and a 401 in the console). Holds no secret.
 */
const key = 'keepsake.signedIn';

export const signedInHint = {
  get: (): boolean => safeStorage()?.getItem(key) === '1',
  set: (value: boolean): void => {
    if (value) safeStorage()?.setItem(key, '1');
    else safeStorage()?.removeItem(key);
  },
};

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (private mode in some browsers)
  }
}
