import fs from 'node:fs/promises';
import path from 'node:path';

export const FAILED_DIR = 'failed';

export interface FailureNote {
  code: string;
  message: string;
  attempts: number;
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Moves a file that failed for good to imports/failed/<its path>, with `<name>.error.txt`
 * beside it, so nothing is lost and the admin sees why. A file already there (a retried
 * failure) stays put. Returns the new path relative to IMPORTS_DIR.
 */
export async function moveToFailed(importsDir: string, relativePath: string, note: FailureNote): Promise<string> {
  const alreadyFailed = relativePath.split('/')[0] === FAILED_DIR;
  let target = alreadyFailed ? relativePath : path.posix.join(FAILED_DIR, relativePath);
  if (!alreadyFailed) {
    const parsed = path.posix.parse(target);
    for (let n = 1; await exists(path.join(importsDir, target)); n++) {
      target = path.posix.join(parsed.dir, `${parsed.name} (${n})${parsed.ext}`);
    }
    await fs.mkdir(path.dirname(path.join(importsDir, target)), { recursive: true });
    await fs.rename(path.join(importsDir, relativePath), path.join(importsDir, target));
  }
  const text = [
    `File: ${relativePath}`,
    `Error: ${note.code} ${note.message}`,
    `Attempts: ${note.attempts}`,
    `Failed at: ${new Date().toISOString()}`,
    '',
    'Fix or replace the file, then retry it from the admin page (or move it back into the imports folder).',
    '',
  ].join('\n');
  await fs.writeFile(path.join(importsDir, `${target}.error.txt`), text);
  return target;
}

/** After a retried failure succeeds, its note goes too. */
export async function removeFailureNote(importsDir: string, relativePath: string): Promise<void> {
  await fs.rm(path.join(importsDir, `${relativePath}.error.txt`), { force: true });
}
