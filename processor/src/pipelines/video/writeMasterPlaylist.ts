import fs from 'node:fs/promises';
import path from 'node:path';
import { MASTER_PLAYLIST, VARIANT_PLAYLIST, variantPlaylistUri } from '@keepsake/contracts';
import type { VideoVariant } from '@keepsake/database';
import type { Rung } from './planLadder.js';

interface Segment {
  file: string;
  seconds: number;
}

function parseVariantPlaylist(text: string): Segment[] {
  const segments: Segment[] = [];
  let seconds: number | null = null;
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.startsWith('#EXTINF:')) seconds = Number.parseFloat(line.slice('#EXTINF:'.length));
    else if (line && !line.startsWith('#') && seconds !== null) {
      segments.push({ file: line, seconds });
      seconds = null;
    }
  }
  return segments;
}

/**
 * BANDWIDTH is the peak bitrate of any segment and AVERAGE-BANDWIDTH the mean, measured from
 * the segments ffmpeg wrote (RFC 8216 §4.3.4.2), so players choose on true numbers.
 */
async function measure(variantDir: string): Promise<{ peak: number; average: number }> {
  const segments = parseVariantPlaylist(await fs.readFile(path.join(variantDir, VARIANT_PLAYLIST), 'utf8'));
  let peak = 0;
  let bits = 0;
  let seconds = 0;
  for (const segment of segments) {
    const size = (await fs.stat(path.join(variantDir, segment.file))).size;
    // A very short last segment would overstate the rate; count it as at least one second.
    peak = Math.max(peak, (size * 8) / Math.max(segment.seconds, 1));
    bits += size * 8;
    seconds += segment.seconds;
  }
  return { peak: Math.ceil(peak), average: Math.ceil(bits / Math.max(seconds, 0.001)) };
}

/** Writes master.m3u8 (variant URIs relative) and returns the variants for media_files. */
export async function writeMasterPlaylist(outDir: string, rungs: Rung[], hasAudio: boolean): Promise<VideoVariant[]> {
  const variants: VideoVariant[] = [];
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const rung of rungs) {
    const { peak, average } = await measure(path.join(outDir, rung.name));
    const codecs = hasAudio ? `${rung.codecs},mp4a.40.2` : rung.codecs;
    const playlist = variantPlaylistUri(rung.name);
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${peak},AVERAGE-BANDWIDTH=${average},RESOLUTION=${rung.width}x${rung.height},CODECS="${codecs}"`,
      playlist,
    );
    variants.push({ name: rung.name, width: rung.width, height: rung.height, bandwidth: peak, codecs, playlist });
  }
  await fs.writeFile(path.join(outDir, MASTER_PLAYLIST), `${lines.join('\n')}\n`);
  return variants;
}
