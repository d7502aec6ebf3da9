import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What a fresh clone of this working tree holds, at `dir`: the files git tracks (as they are
 * now, so uncommitted edits are tried too) and new files not ignored; no node_modules, builds,
 * private/, imports/ or assets/ contents.
 */
export async function freshClone(repo: string, dir: string): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    maxBuffer: 64 << 20,
  });
  const files: string[] = [];
  for (const file of stdout.split('\0').filter(Boolean)) {
    if (
      await fs.lstat(path.join(repo, file)).then(
        () => true,
        () => false,
      )
    )
      files.push(file);
  }
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, '..', 'files.list'), files.join('\0'));
  await run('sh', [
    '-c',
    `tar -C "$1" --null -T "$2" -cf - | tar -C "$3" -xf -`,
    'sh',
    repo,
    path.join(dir, '..', 'files.list'),
    dir,
  ]);
}
