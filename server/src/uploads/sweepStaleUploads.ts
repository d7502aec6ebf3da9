import fs from 'node:fs/promises';
import path from 'node:path';

export const STALE_UPLOAD_HOURS = 24;

/**
 * Removes partial uploads that made no progress for `staleHours`: the data file and its tus
 * `.json`, judged by the newer of the two modification times (every PATCH writes the data).
 * Returns how many uploads went.
 */
export async function sweepStaleUploads(
  partialDir: string,
  { staleHours = STALE_UPLOAD_HOURS, now = Date.now() }: { staleHours?: number; now?: number } = {},
): Promise<number> {
  const names = await fs.readdir(partialDir).catch(() => [] as string[]);
  const ids = new Set(names.map((name) => name.replace(/\.json$/, '')));
  let removed = 0;
  for (const id of ids) {
    const files = [path.join(partialDir, id), path.join(partialDir, `${id}.json`)];
    const times = await Promise.all(
      files.map((file) =>
        fs.lstat(file).then(
          (s) => s.mtimeMs,
          () => 0,
        ),
      ),
    );
    if (now - Math.max(...times) < staleHours * 3_600_000) continue;
    await Promise.all(files.map((file) => fs.rm(file, { force: true })));
    removed++;
  }
  return removed;
}
