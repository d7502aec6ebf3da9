import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Where plaintext that must touch a disk lives for a moment (a decoded HEIC, the HLS key
 * ffmpeg reads): one folder per processor process, `keepsake-work-<uid>/<pid>`, 0700 all the
 * way, never under assets/. A process that crashed leaves its folder behind; the next start
 * removes every folder whose process is gone (not those of processors still running beside it).
 */
const root = path.join(os.tmpdir(), `keepsake-work-${process.getuid?.() ?? 'user'}`);
const own = path.join(root, String(process.pid));

async function privateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const stats = await fs.lstat(dir);
  // Someone else's folder, or a link planted in /tmp: never write a key there.
  if (!stats.isDirectory() || (process.getuid && stats.uid !== process.getuid()))
    throw new Error(`${dir} is not a private folder of this user`);
  await fs.chmod(dir, 0o700);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A fresh folder of its own for one job's temporary files; the caller removes it. */
export async function makePrivateTemp(prefix: string): Promise<string> {
  await privateDir(root);
  await privateDir(own);
  return fs.mkdtemp(path.join(own, `${prefix}-`));
}

/** Removes what processes that no longer run left behind; returns the folders removed. */
export async function sweepPrivateTemp(): Promise<string[]> {
  await privateDir(root);
  const removed: string[] = [];
  for (const name of await fs.readdir(root)) {
    const pid = Number(name);
    if (pid === process.pid || (Number.isInteger(pid) && pid > 0 && isAlive(pid))) continue;
    await fs.rm(path.join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export const privateTempRoot = root;
