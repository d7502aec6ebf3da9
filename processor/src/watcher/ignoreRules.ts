import { FAILED_DIR } from '../publish/moveToFailed.js';

/** Names browsers and copy tools give files they have not finished writing. */
const PARTIAL_SUFFIXES = ['.part', '.crdownload', '.tmp', '.partial', '.download'];
const SYSTEM_NAMES = new Set(['Thumbs.db', 'desktop.ini', 'Icon\r']);

/**
 * Whether a path under imports/ (relative, "/"-separated) is left alone: hidden files and
 * folders (.DS_Store, ._resource forks), partial downloads, and imports/failed/ itself.
 */
export function isIgnored(relativePath: string): boolean {
  if (relativePath === '' || relativePath === '.') return false;
  const parts = relativePath.split('/');
  if (parts[0] === FAILED_DIR) return true;
  if (parts.some((part) => part.startsWith('.'))) return true;
  const name = parts[parts.length - 1]!;
  if (SYSTEM_NAMES.has(name)) return true;
  const lower = name.toLowerCase();
  return PARTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}
