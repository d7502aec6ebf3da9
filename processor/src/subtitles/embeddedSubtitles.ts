import type { Logger } from 'pino';
import type { VideoProbe } from '../detect/probeVideo.js';
import { ffmpegInputArgs } from '../ffmpeg/inputArgs.js';
import { runTool } from '../ffmpeg/runTool.js';
import type { VideoContainer } from '../ffmpeg/videoContainers.js';
import { parseSubtitles, type Cue } from './parseSubtitles.js';
import { languageOf } from './sidecarName.js';

/** Subtitle codecs that are text, which WebVTT can carry. Bitmap ones (PGS, VobSub, DVB) cannot. */
const TEXT_CODECS = new Set(['mov_text', 'subrip', 'srt', 'ass', 'ssa', 'webvtt', 'text']);

export interface EmbeddedTrack {
  /** The stream's index in the file. */
  stream: number;
  language: string | null;
  title: string | null;
  forced: boolean;
  cues: Cue[];
}

/** One text stream as WebVTT (ffmpeg converts mov_text, SubRip and ASS), read back as cues. */
async function extract(input: string, container: VideoContainer, stream: number, signal?: AbortSignal) {
  const { stdout } = await runTool({
    command: 'ffmpeg',
    args: [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      ...ffmpegInputArgs(input, container),
      '-map',
      `0:${stream}`,
      '-c:s',
      'webvtt',
      '-f',
      'webvtt',
      'pipe:1',
    ],
    signal,
  });
  return parseSubtitles(stdout, 'vtt');
}

/**
 * The text subtitle streams inside a video, as cues. Listed by the video's one probe; reads packets only (no picture is decoded).
 * A bitmap stream, or a text stream ffmpeg cannot convert, is left out with a log line: the video
 * plays without it rather than failing.
 */
export async function embeddedSubtitles(
  input: string,
  probe: Pick<VideoProbe, 'container' | 'subtitleStreams'>,
  logger: Pick<Logger, 'info' | 'warn'>,
  signal?: AbortSignal,
): Promise<EmbeddedTrack[]> {
  const tracks: EmbeddedTrack[] = [];
  for (const stream of probe.subtitleStreams) {
    const { codec } = stream;
    if (!TEXT_CODECS.has(codec)) {
      logger.info({ stream: stream.index, codec }, 'subtitle stream left out: pictures, not text');
      continue;
    }
    try {
      const cues = await extract(input, probe.container, stream.index, signal);
      tracks.push({
        stream: stream.index,
        language: languageOf(stream.language),
        title: stream.title?.trim() || null,
        forced: stream.forced,
        cues,
      });
    } catch (error) {
      signal?.throwIfAborted();
      logger.warn({ err: error, stream: stream.index, codec }, 'subtitle stream left out: it cannot be converted');
    }
  }
  return tracks;
}
