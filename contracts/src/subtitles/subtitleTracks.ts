/**
 * Subtitle tracks: WebVTT renditions of a video, one sealed file per track in the item's
 * generation folder, listed in `media_subtitles`. The processor names the files; the server adds
 * them to the master playlist as `#EXT-X-MEDIA:TYPE=SUBTITLES` in one group and serves a
 * one-segment media playlist per track pointing at the decrypted WebVTT; the web lists them.
 */

/** The `GROUP-ID` of every subtitle rendition, and the `SUBTITLES=` attribute of each variant. */
export const SUBTITLE_GROUP_ID = 'subs';

/** Where a track came from: a text stream inside the video, or a `.srt`/`.vtt` file beside it. */
export type SubtitleSource = 'embedded' | 'sidecar';

/** The MIME type the WebVTT is served as. */
export const SUBTITLE_MIME = 'text/vtt';

/** The sealed file of track `n` inside the item's generation folder. */
export function subtitleFileName(track: number): string {
  return `subtitle_${track}.vtt.sealed`;
}

const subtitleFilePattern = /^subtitle_(\d{1,4})\.vtt\.sealed$/;

/** The track a generation folder's file name stands for, or null when it is not a subtitle file. */
export function parseSubtitleFileName(file: string): number | null {
  const match = subtitleFilePattern.exec(file);
  return match ? Number(match[1]) : null;
}

/** Where the server serves a track's media playlist (before its `?t=`); with `:id`, `:track`, the route. */
export function subtitlePlaylistUrl(mediaId: string, track: number | string): string {
  return `/api/media/subtitles/${mediaId}/${track}/index.m3u8`;
}

/** Where the server serves a track's decrypted WebVTT (before its `?t=`); with `:id`, `:track`, the route. */
export function subtitleVttUrl(mediaId: string, track: number | string): string {
  return `/api/media/subtitles/${mediaId}/${track}/subtitles.vtt`;
}

export interface SubtitleTrackInfo {
  track: number;
  /** BCP 47 / ISO 639 as found ("en", "eng", "pt-BR"); null when unknown. */
  language: string | null;
  label: string;
  forced: boolean;
}

/** The name a track is shown by when it has no title of its own. */
export function subtitleLabel(language: string | null, track: number): string {
  return language ? language : `Subtitles ${track}`;
}

const quoted = (value: string) => value.replace(/["\r\n]/g, "'");

/**
 * The master playlist's line for one track. Off by default: only a forced track (the signs and
 * foreign-language lines a film expects shown) is DEFAULT and AUTOSELECT.
 */
export function subtitleMediaTag(track: SubtitleTrackInfo, uri: string): string {
  const attributes = [
    'TYPE=SUBTITLES',
    `GROUP-ID="${SUBTITLE_GROUP_ID}"`,
    `NAME="${quoted(track.label)}"`,
    ...(track.language ? [`LANGUAGE="${quoted(track.language)}"`] : []),
    `DEFAULT=${track.forced ? 'YES' : 'NO'}`,
    `AUTOSELECT=${track.forced ? 'YES' : 'NO'}`,
    `FORCED=${track.forced ? 'YES' : 'NO'}`,
    `URI="${uri}"`,
  ];
  return `#EXT-X-MEDIA:${attributes.join(',')}`;
}
