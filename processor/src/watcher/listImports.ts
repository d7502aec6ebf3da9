import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isIgnored } from './ignoreRules.js';

/**
 * Every candidate file under imports/, as relative "/" paths. Symlinks are listed (the job
 * checks where they point) but never descended into, so a link cannot lead the scan outside.
 */
export async function listImports(importsDir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(relativeDir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(path.join(importsDir, relativeDir), { withFileTypes: true });
    } catch {
      return; // removed while we looked
    }
    for (const entry of entries) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (isIgnored(relative)) continue;
      if (entry.isDirectory()) await walk(relative);
      else if (entry.isFile() || entry.isSymbolicLink()) found.push(relative);
    }
  }
  await walk('');
  return found.sort();
}
