import * as tar from 'tar';
import { OperatorError } from '@keepsake/platform';
import { entries } from './manifest.js';

const metaNames = new Set<string>(Object.values(entries));

/**
 * Extracts a backup archive into `dir` in one read: its entries and assets/. Only regular files
 * are taken (no links that could point out of ASSETS_DIR), and any damage to the tar itself
 * (a cut, a broken header) is an error instead of a warning that leaves a partial copy.
 */
export async function unpackArchive(archive: string, dir: string, onBytes: (bytes: number) => void): Promise<void> {
  let done = 0;
  try {
    await tar.extract({
      file: archive,
      cwd: dir,
      strict: true,
      filter: (name, entry) =>
        'type' in entry && entry.type === 'File' && (metaNames.has(name) || name.startsWith('assets/')),
      onReadEntry: (entry) => {
        done += entry.size;
        onBytes(done);
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && (error as NodeJS.ErrnoException).path === archive)
      throw new OperatorError(`${archive} does not exist`);
    if (typeof code === 'string' && code.startsWith('TAR_'))
      throw new OperatorError(
        `refusing this backup: the archive is cut short or damaged (${(error as Error).message}); nothing was restored`,
      );
    throw error;
  }
}
