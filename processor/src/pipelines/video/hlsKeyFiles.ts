import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface HlsKeyFiles {
  /** The -hls_key_info_file argument. */
  keyInfoFile: string;
  iv: string;
  dispose(): Promise<void>;
}

/** The URI players fetch the key from; the server checks the session there. */
export function hlsKeyUri(hlsKeyId: string): string {
  return `/api/media/keys/${hlsKeyId}`;
}

/**
 * ffmpeg reads the AES-128 key from a file. It lives in a private temporary folder (0700,
 * the key 0600) outside assets/, so it is never published, and is removed when the run ends.
 * A random IV per video is written into the playlist by ffmpeg.
 */
export async function writeHlsKeyFiles(key: Buffer, hlsKeyId: string): Promise<HlsKeyFiles> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-hlskey-'));
  const dispose = () => fs.rm(dir, { recursive: true, force: true });
  try {
    const keyFile = path.join(dir, 'video.key');
    const keyInfoFile = path.join(dir, 'video.keyinfo');
    const iv = randomBytes(16).toString('hex');
    await fs.writeFile(keyFile, key, { mode: 0o600 });
    await fs.writeFile(keyInfoFile, `${hlsKeyUri(hlsKeyId)}\n${keyFile}\n${iv}\n`, { mode: 0o600 });
    return { keyInfoFile, iv, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
