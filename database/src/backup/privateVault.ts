import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt as scryptCallback,
  type ScryptOptions,
} from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { OperatorError } from '../startup/runCli.js';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
) => Promise<Buffer>;

/**
 * private/ inside a backup: the master key, secrets and certificates, encrypted with a
 * passphrase (scrypt → AES-256-GCM), because a backup is only as safe as where it is kept.
 * Layout: "KSVAULT1" | N (uint32) | r (uint8) | p (uint8) | salt (16) | nonce (12) | ciphertext | tag (16).
 */
const MAGIC = Buffer.from('KSVAULT1');
const SCRYPT = { N: 1 << 17, r: 8, p: 1 };
const HEADER_SIZE = MAGIC.length + 4 + 1 + 1 + 16 + 12;

export interface VaultFile {
  name: string;
  mode: number;
  content: Buffer;
}

async function deriveKey(passphrase: string, salt: Buffer, params: typeof SCRYPT): Promise<Buffer> {
  return scrypt(passphrase, salt, 32, { ...params, maxmem: 256 * params.N * params.r });
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

export async function sealVault(files: VaultFile[], passphrase: string): Promise<Buffer> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const header = Buffer.alloc(HEADER_SIZE);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(SCRYPT.N, 8);
  header.writeUInt8(SCRYPT.r, 12);
  header.writeUInt8(SCRYPT.p, 13);
  salt.copy(header, 14);
  nonce.copy(header, 30);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, SCRYPT), nonce);
  cipher.setAAD(header);
  const payload = JSON.stringify(
    files.map((f) => ({ name: f.name, mode: f.mode, content: f.content.toString('base64') })),
  );
  return Buffer.concat([header, cipher.update(payload, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export async function openVault(vault: Buffer, passphrase: string): Promise<VaultFile[]> {
  if (vault.length < HEADER_SIZE + 16 || !vault.subarray(0, 8).equals(MAGIC)) {
    throw new OperatorError("the backup's private vault is damaged (not a Keepsake vault)");
  }
  const header = vault.subarray(0, HEADER_SIZE);
  const params = { N: header.readUInt32BE(8), r: header.readUInt8(12), p: header.readUInt8(13) };
  const key = await deriveKey(passphrase, header.subarray(14, 30), params);
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(30, 42));
  decipher.setAAD(header);
  decipher.setAuthTag(vault.subarray(vault.length - 16));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(vault.subarray(HEADER_SIZE, vault.length - 16)), decipher.final()]);
  } catch {
    throw new OperatorError('wrong backup passphrase (or the backup is damaged)');
  }
  const entries = JSON.parse(plain.toString('utf8')) as { name: string; mode: number; content: string }[];
  return entries.map((e) => ({ name: path.basename(e.name), mode: e.mode, content: Buffer.from(e.content, 'base64') }));
}
