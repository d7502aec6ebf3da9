import { unsupported, type ProcessingError } from '../errors/ProcessingError.js';

/** ffprobe names the demuxer it refused: "[hls @ 0x55d0…] Format not on whitelist '…'". */
const NOT_ON_WHITELIST = /\[([\w,]+) @ 0x[0-9a-f]+\] Format not on whitelist/;

/** Formats whose whole point is to name other files or streams, worded for the admin page. */
const REFERENCING: Record<string, string> = {
  hls: 'an HLS playlist',
  dash: 'a DASH manifest',
  webm_dash_manifest: 'a WebM DASH manifest',
  concat: 'a concat list',
  sdp: 'an SDP stream description',
};

/**
 * The MEDIA_004 for a file ffprobe recognised as a format outside VIDEO_CONTAINER_DEMUXERS,
 * or undefined when its stderr says something else.
 */
export function refusedFormat(stderr: string): ProcessingError | undefined {
  const demuxer = NOT_ON_WHITELIST.exec(stderr)?.[1];
  if (!demuxer) return undefined;
  const what = REFERENCING[demuxer];
  if (what)
    return unsupported(`${what} is refused: Keepsake reads only the file that was dropped, never files it names`);
  return unsupported(`not a photo or video Keepsake can read (${demuxer} is not a video container)`);
}
