import fs from 'node:fs/promises';
import { runTool } from './runTool.js';

export interface SampleCue {
  /** Seconds. */
  start: number;
  end: number;
  text: string;
}

const stamp = (seconds: number, separator: ',' | '.') => {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
};

/** The cues as an SubRip file's text. */
export function srtText(cues: SampleCue[]): string {
  return cues
    .map((cue, i) => `${i + 1}\n${stamp(cue.start, ',')} --> ${stamp(cue.end, ',')}\n${cue.text}\n`)
    .join('\n');
}

/** The cues as a WebVTT file's text. */
export function vttText(cues: SampleCue[]): string {
  return `WEBVTT\n\n${cues.map((cue) => `${stamp(cue.start, '.')} --> ${stamp(cue.end, '.')}\n${cue.text}\n`).join('\n')}`;
}

/**
 * A copy of `video` (an MP4) with the cues as a `mov_text` stream inside, as phones and
 * HandBrake write subtitles into MP4: video and audio copied, not encoded again.
 */
export async function embedSubtitles(
  video: string,
  out: string,
  cues: SampleCue[],
  options: { language?: string; title?: string } = {},
): Promise<string> {
  const srt = `${out}.input.srt`;
  await fs.writeFile(srt, srtText(cues));
  try {
    await runTool('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      video,
      '-i',
      srt,
      '-map',
      '0',
      '-map',
      '1',
      '-c',
      'copy',
      '-c:s',
      'mov_text',
      ...(options.language ? ['-metadata:s:s:0', `language=${options.language}`] : []),
      ...(options.title ? ['-metadata:s:s:0', `title=${options.title}`] : []),
      '-f',
      'mp4',
      out,
    ]);
  } finally {
    await fs.rm(srt, { force: true });
  }
  return out;
}
