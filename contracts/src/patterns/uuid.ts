/**
 * A UUID as PostgreSQL writes it (lowercase, hyphenated): how every id appears in asset paths,
 * playlist URIs and tokens. `uuidSource` is the same for embedding in a larger pattern.
 */
export const uuidSource = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const uuidPattern = new RegExp(`^${uuidSource}$`);

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
