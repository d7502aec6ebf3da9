/**
 * Rewrites every URI of an HLS playlist: the URI lines (variant playlists, segments) and the
 * URI="…" attributes of tags (#EXT-X-KEY, #EXT-X-MAP, #EXT-X-MEDIA, …). `rewrite` gets the URI
 * as written and the tag it came from ('' for a URI line) and returns the new one, or throws.
 */
export function rewritePlaylistUris(text: string, rewrite: (uri: string, tag: string) => string): string {
  if (!text.startsWith('#EXTM3U')) throw new Error('not an HLS playlist (no #EXTM3U)');
  return text
    .split(/\r?\n/)
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed === '') return trimmed;
      if (!trimmed.startsWith('#')) return rewrite(trimmed, '');
      const tag = /^#[A-Z0-9-]+/.exec(trimmed)?.[0] ?? '';
      return trimmed.replace(/URI="([^"]*)"/g, (_match, uri: string) => `URI="${rewrite(uri, tag)}"`);
    })
    .join('\n');
}
