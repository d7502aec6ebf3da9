import { SUBTITLE_GROUP_ID, subtitleMediaTag, subtitlePlaylistUrl, type SubtitleTrackInfo } from '@keepsake/contracts';

/**
 * The master playlist with the item's subtitle tracks: one `#EXT-X-MEDIA:TYPE=SUBTITLES` per
 * track (its URI the signed per-track playlist) before the variants, and `SUBTITLES="subs"` on
 * each variant so players (hls.js, Safari) offer them. Without tracks the text is unchanged.
 */
export function addSubtitleTracks(
  master: string,
  tracks: SubtitleTrackInfo[],
  urls: { mediaId: string; itemToken: string },
): string {
  if (tracks.length === 0) return master;
  const media = tracks.map((track) =>
    subtitleMediaTag(track, `${subtitlePlaylistUrl(urls.mediaId, track.track)}?t=${urls.itemToken}`),
  );
  const lines = master.split('\n');
  const firstVariant = lines.findIndex((line) => line.startsWith('#EXT-X-STREAM-INF:'));
  const withGroup = lines.map((line) =>
    line.startsWith('#EXT-X-STREAM-INF:') ? `${line},SUBTITLES="${SUBTITLE_GROUP_ID}"` : line,
  );
  withGroup.splice(firstVariant < 0 ? withGroup.length : firstVariant, 0, ...media);
  return withGroup.join('\n');
}

/**
 * A subtitle track's media playlist: the whole WebVTT as one segment as long as the video
 * (RFC 8216 lets a subtitle segment span the presentation).
 */
export function subtitleMediaPlaylist(durationSeconds: number, vttUri: string): string {
  const duration = Math.max(durationSeconds, 0.001);
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.ceil(duration)}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${duration.toFixed(3)},`,
    vttUri,
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');
}
