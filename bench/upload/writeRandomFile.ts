import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const BLOCK = 1024 * 1024;

/** A file of `size` random bytes (incompressible, like a video), written block by block, never whole in memory. */
export async function writeRandomFile(file: string, size: number): Promise<void> {
  async function* blocks() {
    for (let written = 0; written < size; written += BLOCK) yield randomBytes(Math.min(BLOCK, size - written));
  }
  await pipeline(Readable.from(blocks()), fs.createWriteStream(file));
}
