import fs from 'node:fs/promises';
import path from 'node:path';
import { OperatorError } from '@keepsake/platform';

/**
 * private/ inside a backup: the master key, secrets and certificates, as one JSON payload
 * that the archive seals under its passphrase-derived key (see archiveKeys.ts), because a
 * backup is only as safe as where it is kept.
 */
export interface VaultFile {
  name: string;
  mode: number;
  content: Buffer;
}

export async function readPrivateDir(dir: string, skip: ReadonlySet<string>): Promise<VaultFile[]> {
  const files: VaultFile[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || skip.has(entry.name) || entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    files.push({ name: entry.name, mode: (await fs.stat(file)).mode & 0o777, content: await fs.readFile(file) });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

export function encodeVault(files: VaultFile[]): Buffer {
  return Buffer.from(
    JSON.stringify(files.map((f) => ({ name: f.name, mode: f.mode, content: f.content.toString('base64') }))),
  );
}

/** Authenticated by then, so only structure is checked; names cannot climb out of private/. */
export function decodeVault(payload: Buffer): VaultFile[] {
  const entries = JSON.parse(payload.toString('utf8')) as { name: string; mode: number; content: string }[];
  if (!Array.isArray(entries)) throw new OperatorError("the backup's private vault is not a list of files");
  return entries.map((e) => ({
    name: path.basename(e.name),
    mode: e.mode & 0o777,
    content: Buffer.from(e.content, 'base64'),
  }));
}
