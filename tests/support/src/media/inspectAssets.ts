import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTool } from './runTool.js';

/** What a plaintext file of each kind Keepsake makes or takes in starts with. */
function plaintextKind(head: Buffer): string | null {
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp';
  }
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'png';
  }
  if (head.length >= 8 && head.toString('latin1', 4, 8) === 'ftyp') return 'mp4';
  if (head.length >= 6 && head.toString('latin1', 0, 6) === 'GIF89a') return 'gif';
  // MPEG-TS: the sync byte at the start of consecutive 188-byte packets.
  if (head.length >= 377 && head[0] === 0x47 && head[188] === 0x47 && head[376] === 0x47) return 'ts';
  return null;
}

/** Every file under `dir` whose bytes are a plaintext picture or video, by magic bytes. */
export async function findPlaintextMedia(dir: string): Promise<{ file: string; kind: string }[]> {
  const found: { file: string; kind: string }[] = [];
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const handle = await fs.open(file, 'r');
    try {
      const head = Buffer.alloc(400);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const kind = plaintextKind(head.subarray(0, bytesRead));
      if (kind) found.push({ file: path.relative(dir, file), kind });
    } finally {
      await handle.close();
    }
  }
  return found;
}

export interface DecodedVariant {
  width: number;
  height: number;
  frames: number;
  duration: number;
  profile: string;
  hasAudio: boolean;
  /** profile_idc, constraint flags and level_idc from the stream's SPS (what avc1.PPCCLL names). */
  spsCodec: string;
}

/**
 * Decodes a whole encrypted HLS variant as a player would: a copy of its playlist whose key
 * URI points at a local file holding the key, segments referenced where they are.
 */
export async function decodeHlsVariant(variantPlaylist: string, key: Buffer): Promise<DecodedVariant> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-hls-'));
  try {
    const keyFile = path.join(work, 'video.key');
    await fs.writeFile(keyFile, key);
    const dir = path.dirname(variantPlaylist);
    const text = await fs.readFile(variantPlaylist, 'utf8');
    const local = text
      .split('\n')
      .map((line) => {
        if (line.startsWith('#EXT-X-KEY')) return line.replace(/URI="[^"]*"/, `URI="${keyFile}"`);
        if (line && !line.startsWith('#')) return path.join(dir, line);
        return line;
      })
      .join('\n');
    const playlist = path.join(work, 'local.m3u8');
    await fs.writeFile(playlist, local);
    const input = ['-allowed_extensions', 'ALL', '-protocol_whitelist', 'file,crypto', '-i', playlist];
    // Decoding everything with -xerror fails on the first corrupt frame.
    await runTool('ffmpeg', ['-v', 'error', '-xerror', ...input, '-f', 'null', '-']);
    const probe = JSON.parse(
      await runTool('ffprobe', [
        '-v',
        'error',
        '-count_frames',
        '-show_streams',
        '-show_format',
        '-of',
        'json',
        ...input.slice(0, 4),
        playlist,
      ]),
    ) as {
      streams: { codec_type: string; width?: number; height?: number; nb_read_frames?: string; profile?: string }[];
      format: { duration?: string };
    };
    const video = probe.streams.find((s) => s.codec_type === 'video');
    if (!video) throw new Error('no video stream decoded');
    const annexB = path.join(work, 'first.h264');
    await runTool('ffmpeg', [
      '-v',
      'error',
      ...input,
      '-map',
      '0:v:0',
      '-c',
      'copy',
      '-frames:v',
      '1',
      '-f',
      'h264',
      annexB,
    ]);
    const h264 = await fs.readFile(annexB);
    const sps = h264.findIndex((byte, i) => i >= 3 && byte === 0x67 && h264[i - 1] === 1 && h264[i - 2] === 0);
    const spsCodec = sps > 0 ? h264.subarray(sps + 1, sps + 4).toString('hex') : '';
    return {
      width: video.width ?? 0,
      height: video.height ?? 0,
      frames: Number(video.nb_read_frames ?? 0),
      duration: Number(probe.format.duration ?? 0),
      profile: video.profile ?? '',
      hasAudio: probe.streams.some((s) => s.codec_type === 'audio'),
      spsCodec,
    };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Whether ffprobe, told the file is MPEG-TS, finds a picture in it (it must not, in an encrypted segment).
 * The format is forced because ciphertext is random bytes, and about one random file in 1500 passes
 * ffprobe's weakest guess, raw H.263, sometimes with a size: that says nothing about the encryption.
 */
export async function ffprobeSeesVideo(file: string): Promise<boolean> {
  try {
    const out = JSON.parse(
      await runTool('ffprobe', ['-v', 'error', '-f', 'mpegts', '-show_streams', '-of', 'json', file]),
    ) as {
      streams?: { codec_type: string; width?: number }[];
    };
    return (out.streams ?? []).some((s) => s.codec_type === 'video' && (s.width ?? 0) > 0);
  } catch {
    return false;
  }
}
