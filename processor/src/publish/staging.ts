import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { STAGING_DIR } from '@keepsake/contracts';
import { ORIGINAL_NAME } from './assetPaths.js';

export interface Staging {
  dir: string;
  /** The media's outputs, renamed as a whole into assets/<kind>/<id>/g<n>. */
  outDir: string;
  /** Holds the sealed original; renamed as a whole into assets/originals/<id>/g<n>. */
  originalDir: string;
  originalFile: string;
  remove(): Promise<void>;
}

/** Staging of earlier attempts at a job we now hold: a crashed worker's leftovers. */
async function removeEarlierAttempts(root: string, jobId: number): Promise<void> {
  const entries = await fs.readdir(root).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => entry.startsWith(`${jobId}-`))
      .map((entry) => fs.rm(path.join(root, entry), { recursive: true, force: true })),
  );
}

/** assets/.staging/<jobId>-<random>/: on the same filesystem as assets/, so publishing is a rename. */
export async function createStaging(assetsDir: string, jobId: number): Promise<Staging> {
  const root = path.join(assetsDir, STAGING_DIR);
  await removeEarlierAttempts(root, jobId);
  const dir = path.join(root, `${jobId}-${randomBytes(4).toString('hex')}`);
  const outDir = path.join(dir, 'out');
  const originalDir = path.join(dir, 'original');
  await fs.mkdir(outDir, { recursive: true, mode: 0o700 });
  await fs.mkdir(originalDir, { mode: 0o700 });
  return {
    dir,
    outDir,
    originalDir,
    originalFile: path.join(originalDir, ORIGINAL_NAME),
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Removes what crashed runs left in staging. Folders of jobs some worker still holds a live
 * lease on are kept: another processor may share this assets folder.
 */
export async function cleanStaleStaging(assetsDir: string, liveJobIds: Set<string>): Promise<string[]> {
  const root = path.join(assetsDir, STAGING_DIR);
  let entries: string[];
  try {
    entries = await fs.readdir(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const jobId = entry.split('-')[0] ?? '';
    if (liveJobIds.has(jobId)) continue;
    await fs.rm(path.join(root, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}
