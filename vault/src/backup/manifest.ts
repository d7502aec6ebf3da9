import { createHmac, timingSafeEqual } from 'node:crypto';
import { OperatorError } from '@keepsake/platform';
import type { ArchiveKdf } from './archiveKeys.js';

export const BACKUP_FORMAT = 'keepsake-backup';
/** 2: the database dump, the vault and the asset list are sealed, and the manifest is authenticated. */
export const BACKUP_VERSION = 2;

/** The archive's entries besides assets/. Only the manifest (and its MAC) is readable without the passphrase. */
export const entries = {
  manifest: 'manifest.json',
  mac: 'manifest.mac',
  database: 'database.dump.sealed',
  private: 'private.vault.sealed',
  assetsList: 'assets.list.sealed',
} as const;

/**
 * manifest.json, the first entry of every backup archive. Readable without the passphrase
 * (what a backup is, and how to derive its key), authenticated with it (manifest.mac).
 */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** The key id every sealed entry of this archive names. */
  archive_id: string;
  created_at: string;
  host: string;
  kdf: ArchiveKdf;
  database: { file: typeof entries.database; migrations: string[]; media_items: number; users: number };
  private: { file: typeof entries.private; files: string[] };
  /** copy: the encrypted assets are inside the archive under assets/; list: only listed, copy them yourself (rsync). */
  assets: { mode: 'copy' | 'list'; files: number; bytes: number; list: typeof entries.assetsList };
}

export function manifestMac(key: Buffer, manifestBytes: Buffer): string {
  return createHmac('sha256', key).update(manifestBytes).digest('hex');
}

export function macMatches(key: Buffer, manifestBytes: Buffer, mac: string): boolean {
  const expected = Buffer.from(manifestMac(key, manifestBytes), 'hex');
  const given = Buffer.from(mac.trim(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Structure only: the manifest is trusted once its MAC has been checked with the passphrase. */
export function parseManifest(text: string): BackupManifest {
  let manifest: Omit<Partial<BackupManifest>, 'version'> & { version?: unknown };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    throw new OperatorError('this is not a Keepsake backup (manifest.json is not JSON)');
  }
  if (manifest?.format !== BACKUP_FORMAT) throw new OperatorError('this is not a Keepsake backup');
  if (manifest.version === 1) {
    throw new OperatorError(
      'this backup is format version 1, which kept the database unencrypted; this Keepsake restores version 2 only. ' +
        'Restore it with the Keepsake it was made with, then make a new backup.',
    );
  }
  if (manifest.version !== BACKUP_VERSION) {
    throw new OperatorError(
      `backup format version ${String(manifest.version)} is not one this Keepsake reads (${BACKUP_VERSION})`,
    );
  }
  if (typeof manifest.archive_id !== 'string' || typeof manifest.kdf !== 'object' || !manifest.assets) {
    throw new OperatorError("the backup's manifest.json is incomplete (damaged or altered)");
  }
  return manifest as BackupManifest;
}
