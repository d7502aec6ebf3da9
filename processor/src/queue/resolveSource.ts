import fs from 'node:fs/promises';
import path from 'node:path';
import { unsupported } from '../errors/ProcessingError.js';
import { FAILED_DIR } from '../failures/moveToFailed.js';

/** Whether `child` lies inside `parent` (both absolute, resolved). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The real file to read for a queued path. A symlink is followed only to a regular file
 * inside the imports folder and outside imports/failed/: a link to /etc/shadow dropped in
 * imports/ must not be published, and failed/ is a quarantine the scan never looks at, so
 * nothing parked there may be published through a link either (wherever the link itself is).
 */
export async function resolveSource(importsDir: string, absolutePath: string): Promise<string> {
  const realImports = await fs.realpath(importsDir);
  let real: string;
  try {
    real = await fs.realpath(absolutePath);
  } catch {
    throw unsupported('symlink points to nothing');
  }
  if (!isInside(realImports, real)) throw unsupported('symlink points outside the imports folder');
  if (isInside(path.join(realImports, FAILED_DIR), real)) {
    throw unsupported('symlink points into the failed folder (imports/failed/ holds files that already failed)');
  }
  const stats = await fs.stat(real);
  if (!stats.isFile()) throw unsupported('not a regular file');
  return real;
}
