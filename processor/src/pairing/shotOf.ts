import path from 'node:path';
import type { Shot } from '@keepsake/database';

/**
 * The shot a file of imports/ belongs to: its folder and its name without the extension,
 * lower-cased, as cameras name both files of a RAW+JPEG shot (DCIM/IMG_0001.CR2 and
 * DCIM/IMG_0001.JPG). The name only pairs files; what each file is, its content says.
 */
export function shotOf(relativePath: string): Shot {
  const posix = relativePath.split(path.sep).join('/');
  const folder = path.posix.dirname(posix);
  const name = path.posix.basename(posix);
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  return { folder: folder === '.' ? '' : folder.toLowerCase(), base: base.toLowerCase() };
}
