/**
 * The path of the first string holding a NUL character, or null. PostgreSQL text cannot hold
 * NUL, so such input must be refused up front rather than fail in the database.
 */
export function findNul(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, '(key)'].join('.');
    const found = findNul(inner, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}
