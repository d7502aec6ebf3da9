import path from 'node:path';
import { VIDEO_CONTAINER_DEMUXERS, type VideoContainer } from './videoContainers.js';

/**
 * Options that keep ffmpeg and ffprobe to the one file given: the local file protocol only
 * (no network, no pipes, no `concat:`/`subfile:` URLs), and only real container demuxers, which
 * nested demuxers inherit too. The input is `file:` plus an absolute path, so no file name can
 * be read as a protocol or an option.
 */
function guard(
  file: string,
  demuxers: readonly string[] = VIDEO_CONTAINER_DEMUXERS,
): { options: string[]; url: string } {
  return {
    options: ['-protocol_whitelist', 'file', '-format_whitelist', demuxers.join(',')],
    url: `file:${path.resolve(file)}`,
  };
}

/** ffprobe's arguments for a file that should be a video: the guard, then the file. */
export function probeInputArgs(file: string): string[] {
  const { options, url } = guard(file);
  return [...options, url];
}

/** One ffmpeg input: the guard, the demuxer ffprobe found (never probed again), `-i file:…`. */
export function ffmpegInputArgs(file: string, container: VideoContainer): string[] {
  const { options, url } = guard(file);
  return [...options, '-f', container, '-i', url];
}

/** Still-picture demuxers ffmpeg decodes for formats sharp lacks (BMP). */
export type StillDemuxer = 'bmp_pipe';

/** One ffmpeg input that must be a single still of one format: the guard, held to that demuxer. */
export function stillInputArgs(file: string, demuxer: StillDemuxer): string[] {
  const { options, url } = guard(file, [demuxer]);
  return [...options, '-f', demuxer, '-i', url];
}
