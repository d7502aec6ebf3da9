import { describe, expect, it } from 'vitest';
import { parseSubtitles, sniffSubtitleFormat } from './parseSubtitles.js';
import { sidecarName } from './sidecarName.js';
import { writeWebVtt } from './writeWebVtt.js';

describe('subtitle files', () => {
  it('tells SRT and WebVTT by their start, and nothing else', () => {
    expect(sniffSubtitleFormat('\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n')).toBe('srt');
    expect(sniffSubtitleFormat('WEBVTT - a title\n\n00:01.000 --> 00:02.000\nHi')).toBe('vtt');
    expect(sniffSubtitleFormat('Shopping list\n1. eggs')).toBeNull();
    expect(sniffSubtitleFormat('WEBVTTX')).toBeNull();
  });

  it('reads cues of both, with hours optional, settings kept for WebVTT and NOTE blocks skipped', () => {
    const vtt =
      'WEBVTT\n\nNOTE made by hand\n\ncue-1\n00:01.250 --> 00:02.000 line:0\nTop\n\n01:00:00.000 --> 01:00:01.000\nLate';
    expect(parseSubtitles(vtt, 'vtt')).toEqual([
      { start: 1250, end: 2000, settings: 'line:0', text: 'Top' },
      { start: 3_600_000, end: 3_601_000, settings: '', text: 'Late' },
    ]);
    expect(
      parseSubtitles('1\n00:00:01,000 --> 00:00:02,500\nTwo\nlines\n\n\n2\n00:00:03,000 --> 00:00:04,000\n-->', 'srt'),
    ).toEqual([
      { start: 1000, end: 2500, settings: '', text: 'Two\nlines' },
      { start: 3000, end: 4000, settings: '', text: '→' },
    ]);
  });

  it('refuses a damaged file with the block it stopped at', () => {
    expect(() => parseSubtitles('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:99,000 --> 1\nbad', 'srt')).toThrow(
      /block 2 has no valid timing line/,
    );
    expect(() => parseSubtitles('1\n00:00:05,000 --> 00:00:02,000\nbackwards', 'srt')).toThrow(/ends before it starts/);
    expect(() => parseSubtitles('WEBVTT\n\n', 'vtt')).toThrow(/no cues/);
  });

  it('writes WebVTT mapped onto the video start', () => {
    expect(writeWebVtt([{ start: 61_005, end: 62_000, settings: '', text: 'Hi' }], 126_000)).toBe(
      'WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n00:01:01.005 --> 00:01:02.000\nHi\n',
    );
  });

  it('finds the video a sidecar names, with its language and forced marks', () => {
    expect(sidecarName('Films/Up.srt')).toEqual({
      stems: ['films/up'],
      language: null,
      forced: false,
      fileName: 'Up.srt',
    });
    expect(sidecarName('Films/Up.pt-BR.forced.srt')).toMatchObject({
      stems: ['films/up.pt-br.forced', 'films/up.pt-br', 'films/up'],
      language: 'pt-BR',
      forced: true,
    });
    // "Mr.Bean" is not a language: only a tag-shaped last part counts.
    expect(sidecarName('Mr.Bean.srt')).toMatchObject({ stems: ['mr.bean'], language: null });
  });
});
