import fs from 'node:fs/promises';
import path from 'node:path';
import { numberedName, safeUploadName, uploadFolderOf } from '@keepsake/platform';

/** Why a hard link may not be possible where a rename still is (filesystems without links). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS']);

/**
 * Moves a finished upload from the partial folder to imports/uploads/<username>/<name> in one
 * step, so the watcher sees a whole file or nothing. link(2) never replaces a file, so two
 * uploads of the same name cannot overwrite each other: the second becomes "name (2).ext".
 * Returns the path relative to IMPORTS_DIR (what the processor's events call the file).
 */
export async function placeFinishedUpload(
  importsDir: string,
  partialFile: string,
  username: string,
  fileName: string | null | undefined,
): Promise<string> {
  const folder = uploadFolderOf(username);
  await fs.mkdir(path.join(importsDir, folder), { recursive: true });
  const name = safeUploadName(fileName);
  for (let n = 1; n <= 1000; n++) {
    const relative = path.posix.join(folder, numberedName(name, n));
    const target = path.join(importsDir, relative);
    try {
      await fs.link(partialFile, target);
      await fs.unlink(partialFile);
      return relative;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') continue;
      if (!NO_LINKS.has(code)) throw error;
      if (await exists(target)) continue;
      await fs.rename(partialFile, target);
      return relative;
    }
  }
  throw new Error(`no free name for ${name} in ${folder}`);
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
