import fs from 'node:fs/promises';
import path from 'node:path';
import { MASTER_PLAYLIST, VARIANT_PLAYLIST, variantPlaylistUri } from '@keepsake/contracts';
import type { VideoVariant } from '@keepsake/database';
import type { Rung } from './planLadder.js';
import { masterOrder } from './startRung.js';

interface Segment {
  file: string;
  seconds: number;
}

interface Rates {
  peak: number;
  average: number;
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
async function measure(variantDir: string): Promise<Rates> {
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

/**
 * Each rung's rates made strictly greater than the next rung's, never lower than measured.
 * On a still scene or a 2-second clip every rung is far below its cap, so its segments are
 * mostly fixed costs (188-byte TS packets, PAT/PMT, PES headers, AES padding) and two rungs
 * can measure the very same bytes; players then cannot tell them apart. Raising the upper
 * rung's figure by a bit per second keeps it a true upper bound.
 */
export function strictlyDecreasing(measured: Rates[]): Rates[] {
  const declared = measured.map((rates) => ({ ...rates }));
  for (let i = declared.length - 2; i >= 0; i--) {
    const rates = declared[i]!;
    const below = declared[i + 1]!;
    rates.peak = Math.max(rates.peak, below.peak + 1);
    rates.average = Math.max(rates.average, below.average + 1);
  }
  return declared;
}

/**
 * Writes master.m3u8 (variant URIs relative, the start rung first, then top down) and returns
 * the variants for media_files (top rung first).
 */
export async function writeMasterPlaylist(outDir: string, rungs: Rung[], hasAudio: boolean): Promise<VideoVariant[]> {
  const measured = await Promise.all(rungs.map((rung) => measure(path.join(outDir, rung.name))));
  const rates = strictlyDecreasing(measured);
  const variants = rungs.map((rung, i) => {
    const codecs = hasAudio ? `${rung.codecs},mp4a.40.2` : rung.codecs;
    return { ...rates[i]!, name: rung.name, width: rung.width, height: rung.height, codecs };
  });
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const { peak, average, width, height, codecs, name } of masterOrder(variants))
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${peak},AVERAGE-BANDWIDTH=${average},RESOLUTION=${width}x${height},CODECS="${codecs}"`,
      variantPlaylistUri(name),
    );
  await fs.writeFile(path.join(outDir, MASTER_PLAYLIST), `${lines.join('\n')}\n`);
  return variants.map(({ name, width, height, peak, codecs }) => ({
    name,
    width,
    height,
    bandwidth: peak,
    codecs,
    playlist: variantPlaylistUri(name),
  }));
}
