import fs from 'node:fs/promises';

/** Bytes an unprivileged process may still write on the filesystem holding `dir` (statfs, as `df` shows). */
export async function freeDiskSpace(dir: string): Promise<number> {
  const stats = await fs.statfs(dir);
  return stats.bavail * stats.bsize;
}
