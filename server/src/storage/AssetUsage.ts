import fs from 'node:fs/promises';
import path from 'node:path';

export interface AssetUsageReport {
  total_bytes: number;
  by_folder: Record<string, number>;
  files: number;
  measured_at: string;
}

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return { bytes, files };
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = await folderSize(full);
      bytes += inner.bytes;
      files += inner.files;
    } else if (entry.isFile()) {
      bytes += (await fs.stat(full).catch(() => ({ size: 0 }))).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/**
 * Bytes used under ASSETS_DIR, per top-level folder (images, videos, originals, .staging).
 * Walking a large library takes a while, so one measurement serves everyone for `maxAgeMs`.
 */
export class AssetUsage {
  private last: { at: number; report: Promise<AssetUsageReport> } | undefined;

  constructor(
    private readonly assetsDir: string,
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  report(): Promise<AssetUsageReport> {
    if (!this.last || Date.now() - this.last.at > this.maxAgeMs) {
      const report = this.measure();
      this.last = { at: Date.now(), report };
      report.catch(() => (this.last = undefined));
    }
    return this.last.report;
  }

  private async measure(): Promise<AssetUsageReport> {
    const byFolder: Record<string, number> = {};
    let total = 0;
    let files = 0;
    const entries = await fs.readdir(this.assetsDir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const size = await folderSize(path.join(this.assetsDir, entry.name));
      byFolder[entry.name] = size.bytes;
      total += size.bytes;
      files += size.files;
    }
    return { total_bytes: total, by_folder: byFolder, files, measured_at: new Date().toISOString() };
  }
}
