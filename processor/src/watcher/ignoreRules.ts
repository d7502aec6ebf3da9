import { isSkippedName, PARTIAL_UPLOADS_DIR } from '@keepsake/platform';
import { FAILED_DIR } from '../failures/moveToFailed.js';

/**
 * Whether a path under imports/ (relative, "/"-separated) is left alone: hidden files and
 * folders (.DS_Store, ._resource forks, the web uploads still arriving), partial downloads,
 * and imports/failed/ itself.
 */
export function isIgnored(relativePath: string): boolean {
  if (relativePath === '' || relativePath === '.') return false;
  const parts = relativePath.split('/');
  if (parts[0] === FAILED_DIR || parts[0] === PARTIAL_UPLOADS_DIR) return true;
  if (parts.some((part) => part.startsWith('.'))) return true;
  return isSkippedName(parts[parts.length - 1]!);
}
