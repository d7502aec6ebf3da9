import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { hlsKeyUri } from '@keepsake/contracts';
import type { PrivateTemp } from '../../startup/privateTemp.js';

export interface HlsKeyFiles {
  /** The -hls_key_info_file argument. */
  keyInfoFile: string;
  iv: string;
  dispose(): Promise<void>;
}

/**
 * ffmpeg reads the AES-128 key from a file. It lives in the processor's private temporary
 * folder (0700, the key 0600, outside assets/, so it is never published; wiped at start after a
 * crash) and is removed when the run ends. A random IV per video is written into the playlist.
 */
export async function writeHlsKeyFiles(key: Buffer, hlsKeyId: string, temp: PrivateTemp): Promise<HlsKeyFiles> {
  const { dir, dispose } = await temp.make('hlskey');
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
