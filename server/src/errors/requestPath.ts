/** The path of a request URL without its query string: media tokens travel there and must never be logged. */
export function requestPath(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
