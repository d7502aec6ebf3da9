import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { listImports } from './listImports.js';
import { queueFile, type QueueFileDeps } from './queueFile.js';

interface Version {
  size: number;
  mtimeMs: number;
}

async function version(file: string): Promise<Version | undefined> {
  const stats = await fs.lstat(file).catch(() => undefined);
  return stats && { size: stats.size, mtimeMs: stats.mtimeMs };
}

/**
 * A full pass over imports/ (at start, every RESCAN_MINUTES, and for `--once`): catches what
 * file events missed. A file modified within the last `stableMs` is watched for that long and
 * queued only if it did not change: one still being copied is left for later.
 */
export async function scanImports(deps: QueueFileDeps & { stableMs: number }): Promise<number> {
  const files = await listImports(deps.importsDir);
  const now = Date.now();
  const settled: string[] = [];
  const recent: { file: string; before: Version }[] = [];
  for (const file of files) {
    const before = await version(path.join(deps.importsDir, file));
    if (!before) continue;
    if (now - before.mtimeMs >= deps.stableMs) settled.push(file);
    else recent.push({ file, before });
  }
  if (recent.length > 0) {
    await sleep(deps.stableMs);
    for (const { file, before } of recent) {
      const after = await version(path.join(deps.importsDir, file));
      if (after && after.size === before.size && after.mtimeMs === before.mtimeMs) settled.push(file);
    }
  }
  let queued = 0;
  for (const file of settled) {
    if ((await queueFile(deps, file)) === 'queued') queued++;
  }
  return queued;
}
