import type { Cue } from './parseSubtitles.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function stamp(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/**
 * The WebVTT Keepsake stores: the cues as parsed (so nothing but cues reaches the player) and an
 * `X-TIMESTAMP-MAP` tying cue time 0 to the video's first MPEG-TS timestamp. Without it a cue's
 * time would be read as an MPEG-TS time (RFC 8216 §3.5) and every cue would come early by the
 * offset the muxer starts the segments at.
 */
export function writeWebVtt(cues: Cue[], startPts: number): string {
  const lines = ['WEBVTT', `X-TIMESTAMP-MAP=MPEGTS:${startPts},LOCAL:00:00:00.000`, ''];
  for (const cue of cues) {
    if (!cue.text) continue;
    lines.push(`${stamp(cue.start)} --> ${stamp(cue.end)}${cue.settings ? ` ${cue.settings}` : ''}`, cue.text, '');
  }
  return lines.join('\n');
}
