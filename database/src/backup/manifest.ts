import { OperatorError } from '../startup/runCli.js';

export const BACKUP_FORMAT = 'keepsake-backup';
export const BACKUP_VERSION = 1;

/** manifest.json, the first entry of every backup archive. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  created_at: string;
  host: string;
  database: { file: 'database.dump'; bytes: number; migrations: string[]; media_items: number; users: number };
  private: { file: 'private.vault'; files: string[] };
  /** copy: the encrypted assets are inside the archive under assets/; list: only listed, copy them yourself (rsync). */
  assets: { mode: 'copy' | 'list'; files: number; bytes: number; list?: 'assets.list' };
}

export function parseManifest(text: string): BackupManifest {
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    throw new OperatorError('this is not a Keepsake backup (manifest.json is not JSON)');
  }
  if (manifest.format !== BACKUP_FORMAT) throw new OperatorError('this is not a Keepsake backup');
  if (manifest.version !== BACKUP_VERSION) {
    throw new OperatorError(
      `backup format version ${manifest.version} is not one this Keepsake reads (${BACKUP_VERSION})`,
    );
  }
  return manifest as BackupManifest;
}
