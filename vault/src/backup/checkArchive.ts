import fs from 'node:fs/promises';
import path from 'node:path';
import { readSealedHeader } from '../sealed/index.js';
import { OperatorError } from '@keepsake/platform';
import { deriveArchiveKeys, type ArchiveKeys } from './archiveKeys.js';
import { entries, macMatches, parseManifest, type BackupManifest } from './manifest.js';
import { decodeVault, type VaultFile } from './privateVault.js';
import { entryKeyMatches, openEntryBuffer, refusal, verifyEntry } from './sealedEntry.js';

export interface ListedAsset {
  path: string;
  size: number;
}

/** An unpacked archive whose every entry has been authenticated with the passphrase. */
export interface CheckedArchive {
  manifest: BackupManifest;
  keys: ArchiveKeys;
  privateFiles: VaultFile[];
  assets: ListedAsset[];
  /** The sealed dump, proven whole; restored from here. */
  databaseFile: string;
}

async function readManifest(dir: string): Promise<{ manifest: BackupManifest; bytes: Buffer; mac: string }> {
  const bytes = await fs.readFile(path.join(dir, entries.manifest)).catch(() => {
    throw new OperatorError('this is not a Keepsake backup (no manifest.json)');
  });
  const manifest = parseManifest(bytes.toString('utf8'));
  const mac = await fs.readFile(path.join(dir, entries.mac), 'utf8').catch(() => {
    throw new OperatorError(`refusing this backup: ${entries.mac} is missing (altered); nothing was restored`);
  });
  return { manifest, bytes, mac };
}

/**
 * The manifest's MAC failed: say why as far as can be known. The vault names its archive in
 * its header and proves its key, so it tells "another archive's manifest" from "wrong
 * passphrase" from "this manifest, edited".
 */
async function refuseManifest(dir: string, manifest: BackupManifest, keys: ArchiveKeys): Promise<never> {
  const vault = path.join(dir, entries.private);
  const header = await readSealedHeader(vault).catch((error: unknown) => {
    throw refusal(error, vault, entries.private);
  });
  if (header.keyId !== manifest.archive_id)
    throw new OperatorError(
      'refusing this backup: manifest.json belongs to another backup (swapped); nothing was restored',
    );
  if (!(await entryKeyMatches(vault, keys.private, entries.private)))
    throw new OperatorError('wrong backup passphrase (or manifest.json was altered); nothing was restored');
  throw new OperatorError(
    'refusing this backup: manifest.json was altered (its MAC does not match); nothing was restored',
  );
}

function parseAssetList(text: string, manifest: BackupManifest): ListedAsset[] {
  const assets = text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      return { size: Number(line.slice(0, tab)), path: line.slice(tab + 1) };
    });
  const bytes = assets.reduce((sum, f) => sum + f.size, 0);
  if (assets.length !== manifest.assets.files || bytes !== manifest.assets.bytes)
    throw new OperatorError('refusing this backup: its asset list does not match its manifest; nothing was restored');
  return assets;
}

/**
 * Proves the whole unpacked archive before anything is changed: the manifest's MAC, then each
 * sealed entry (every chunk of the dump included) under its own key for this archive.
 */
export async function checkArchive(dir: string, passphrase: string): Promise<CheckedArchive> {
  const { manifest, bytes, mac } = await readManifest(dir);
  const keys = await deriveArchiveKeys(passphrase, manifest.kdf, manifest.archive_id);
  if (!macMatches(keys.manifest, bytes, mac)) await refuseManifest(dir, manifest, keys);

  const privateFiles = decodeVault(
    await openEntryBuffer(path.join(dir, entries.private), keys.private, entries.private),
  );
  if (!privateFiles.some((f) => f.name === 'master.key')) throw new OperatorError('the backup holds no master key');
  const list = await openEntryBuffer(path.join(dir, entries.assetsList), keys.assetsList, entries.assetsList);
  const databaseFile = path.join(dir, entries.database);
  await verifyEntry(databaseFile, keys.database, entries.database);
  return { manifest, keys, privateFiles, assets: parseAssetList(list.toString('utf8'), manifest), databaseFile };
}
