import path from 'node:path';

/**
 * The containers household video comes in, by ffmpeg demuxer name; ffprobe and ffmpeg open
 * nothing else. Never on it: playlists and manifests (hls, dash), scripts (concat, ffmetadata),
 * image sequences (image2), pipes and devices: each of those reads files other than the one
 * that was dropped (a "holiday.mp4" holding an HLS playlist would publish whatever it names).
 * mov and mxf can name external files too, but ffmpeg follows neither by default (mov's
 * enable_drefs is off; mxf does not open external essence).
 */
export const VIDEO_DEMUXERS = ['mov', 'matroska', 'avi', 'asf', 'flv', 'mpegts', 'mpeg', 'ogg', 'mxf', 'dv', 'rm'];

/** The input as an absolute file: URL, so a name with a colon or a leading dash is only ever a file name. */
function fileUrl(file: string): string {
  return `file:${path.resolve(file)}`;
}

/** ffprobe's input: any allowed container, local files only. */
export function probeInputArgs(file: string): string[] {
  return ['-format_whitelist', VIDEO_DEMUXERS.join(','), '-protocol_whitelist', 'file', '-i', fileUrl(file)];
}

/** ffmpeg's input: exactly the demuxer ffprobe found (no second guess on the content), local files only. */
export function decodeInputArgs(file: string, demuxer: string): string[] {
  if (!VIDEO_DEMUXERS.includes(demuxer)) throw new Error(`demuxer ${demuxer} is not an allowed container`);
  return ['-format_whitelist', demuxer, '-protocol_whitelist', 'file', '-f', demuxer, '-i', fileUrl(file)];
}

/**
 * The allowed demuxer behind ffprobe's format_name ("mov,mp4,m4a,3gp,3g2,mj2" is mov), or
 * undefined when it is none of them.
 */
export function allowedDemuxer(formatName: string): string | undefined {
  const names = formatName.split(',');
  return VIDEO_DEMUXERS.find((demuxer) => names.includes(demuxer));
}

/** The demuxer ffmpeg refused because of the allow-list, from its error output. */
export function refusedDemuxer(stderr: string): string | undefined {
  return /\[([\w,]+) @ [^\]]+\] Format not on whitelist/.exec(stderr)?.[1];
}
