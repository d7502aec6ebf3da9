import type { paths } from './generated/openapi';
import type { Query } from './types';

type QueryValue = string | number | boolean | null | undefined;
/** The GET routes that take a query string at all (for the others `keyof never` would allow any name). */
type QueriedPath = { [P in keyof paths]: [Query<P>] extends [never] ? never : P }[keyof paths];

/**
 * A GET's URL with its query string, typed by the route's schema (the generated types): a
 * parameter the route does not list does not compile, since the server refuses it (400
 * SYSTEM_003). Values left empty (undefined, null, '') are not sent.
 */
export function queryUrl<P extends QueriedPath>(path: P, query: { [K in keyof Query<P>]?: QueryValue }): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  return params.size > 0 ? `${path}?${params}` : path;
}
