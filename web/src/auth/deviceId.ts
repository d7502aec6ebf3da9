const key = 'keepsake.deviceId';

/**
 * A random id this browser keeps, so signing in again on the same device reuses its one
 * session row instead of filling "My devices" with copies.
 */
export function deviceId(): string {
  try {
    const existing = localStorage.getItem(key);
    if (existing && /^[A-Za-z0-9-]{16,128}$/.test(existing)) return existing;
    const made = randomId();
    localStorage.setItem(key, made);
    return made;
  } catch {
    return randomId(); // storage disabled: a new device each time is the honest answer
  }
}

function randomId(): string {
  // getRandomValues works outside secure contexts too (randomUUID does not).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
