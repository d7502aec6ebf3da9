import fs from 'node:fs/promises';
import { unsupported } from '../errors/ProcessingError.js';
import { parseSubtitles, sniffSubtitleFormat, SubtitleSyntaxError, type Cue } from './parseSubtitles.js';
import { hasSidecarExtension } from './sidecarName.js';

/** Larger than any subtitle file (a feature film's SRT is ~100 KB): read no further. */
export const MAX_SIDECAR_BYTES = 4 * 1024 * 1024;

/** Enough of the start to tell subtitles from anything else: every other file is read no further. */
const SNIFF_BYTES = 64 * 1024;

/** What the content says: cues of a sidecar subtitle file, or null when it is not one at all. */
export async function readSidecar(input: string, relativePath: string): Promise<Cue[] | null> {
  const { size } = await fs.stat(input);
  const named = hasSidecarExtension(relativePath);
  if (size > MAX_SIDECAR_BYTES) {
    if (named) throw unsupported(`subtitle file is too large (${size} bytes; at most ${MAX_SIDECAR_BYTES})`);
    return null;
  }
  const head = await readHead(input, Math.min(size, SNIFF_BYTES));
  // Media starts with binary; subtitles are text. NUL bytes say binary (or UTF-16, which no
  // subtitle tool writes by default); a named .srt that is binary is a bad subtitle file.
  if (head.includes(0)) {
    if (named) throw unsupported('subtitle file is not text (UTF-8 SRT or WebVTT expected)');
    return null;
  }
  const format = sniffSubtitleFormat(decode(head));
  if (!format) {
    if (named) throw unsupported('subtitle file is neither SRT nor WebVTT (no cue or WEBVTT header at its start)');
    return null;
  }
  const bytes = size > head.length ? await readHead(input, size) : head;
  if (bytes.includes(0)) throw unsupported('subtitle file is not text: it holds binary data after its first cues');
  const text = decode(bytes);
  try {
    return parseSubtitles(text, format);
  } catch (error) {
    if (error instanceof SubtitleSyntaxError)
      throw unsupported(`subtitle file cannot be read: ${error.message}`, error);
    throw error;
  }
}

const decode = (bytes: Buffer) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
