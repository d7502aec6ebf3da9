/** One cue, times in milliseconds; `settings` are WebVTT cue settings ("line:0 align:start"). */
export interface Cue {
  start: number;
  end: number;
  text: string;
  settings: string;
}

export type SubtitleFormat = 'srt' | 'vtt';

/** More cues than any film has: a file past this is not subtitles. */
const MAX_CUES = 50_000;

const timing = /^(\d{1,3}:)?(\d{1,2}):(\d{2})[,.](\d{3})\s*-->\s*(\d{1,3}:)?(\d{1,2}):(\d{2})[,.](\d{3})(.*)$/;

export class SubtitleSyntaxError extends Error {
  override name = 'SubtitleSyntaxError';
}

const ms = (h: string | undefined, m: string, s: string, f: string) =>
  ((Number(h?.slice(0, -1) ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(f);

function parseTiming(line: string): { start: number; end: number; settings: string } | null {
  const match = timing.exec(line.trim());
  if (!match) return null;
  const [, h1, m1, s1, f1, h2, m2, s2, f2, rest] = match;
  if (Number(m1) > 59 || Number(s1) > 59 || Number(m2) > 59 || Number(s2) > 59) return null;
  return { start: ms(h1, m1!, s1!, f1!), end: ms(h2, m2!, s2!, f2!), settings: rest!.trim() };
}

/** Text normalised for parsing: no BOM, Unix line ends. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** What the text looks like by its start: a WebVTT header, or an SRT first cue. Null: neither. */
export function sniffSubtitleFormat(text: string): SubtitleFormat | null {
  const start = normaliseText(text).trimStart();
  if (/^WEBVTT(?:[ \t\n]|$)/.test(start)) return 'vtt';
  const [first, second] = start.split('\n');
  if (first !== undefined && /^\d+$/.test(first.trim()) && second !== undefined && parseTiming(second)) return 'srt';
  if (first !== undefined && parseTiming(first)) return 'srt';
  return null;
}

/**
 * The cues of an SRT or WebVTT file. Strict enough that a damaged file is refused with the
 * reason (the block it stopped at), lenient about what players tolerate (a missing cue number,
 * `.` for `,`, blank lines, NOTE/STYLE/REGION blocks in WebVTT).
 */
export function parseSubtitles(text: string, format: SubtitleFormat): Cue[] {
  const blocks = normaliseText(text)
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').filter((line, i) => i > 0 || line.trim() !== ''))
    .filter((lines) => lines.some((line) => line.trim() !== ''));
  if (format === 'vtt') {
    const header = blocks.shift();
    if (!header || !/^WEBVTT/.test(header[0]!.trim())) throw new SubtitleSyntaxError('no WEBVTT header');
    // A header block may hold the first cue's lines when no blank line follows it.
    const inHeader = header.findIndex((line) => line.includes('-->'));
    if (inHeader > 0) blocks.unshift(header.slice(inHeader));
  }
  const cues: Cue[] = [];
  blocks.forEach((lines, index) => {
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)\b/.test(lines[0]!.trim())) return;
    const at = lines.findIndex((line) => line.includes('-->'));
    const cue = at >= 0 && at <= 1 ? parseTiming(lines[at]!) : null;
    if (!cue)
      throw new SubtitleSyntaxError(`block ${index + 1} has no valid timing line ("${lines[0]!.slice(0, 60)}")`);
    if (format === 'srt' && at === 1 && !/^\d+$/.test(lines[0]!.trim())) {
      throw new SubtitleSyntaxError(`block ${index + 1} starts with "${lines[0]!.slice(0, 60)}", not a cue number`);
    }
    if (cue.end < cue.start) throw new SubtitleSyntaxError(`block ${index + 1} ends before it starts`);
    const body = lines.slice(at + 1).map((line) => line.replace(/-->/g, '→'));
    cues.push({ ...cue, settings: format === 'vtt' ? cue.settings : '', text: body.join('\n').trim() });
    if (cues.length > MAX_CUES) throw new SubtitleSyntaxError(`more than ${MAX_CUES} cues`);
  });
  if (cues.length === 0) throw new SubtitleSyntaxError('no cues');
  return cues;
}
