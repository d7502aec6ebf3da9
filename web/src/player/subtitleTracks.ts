import type { MediaPlaylist } from 'hls.js';

export interface SubtitleChoice {
  /** hls.js's index of the track. */
  index: number;
  label: string;
}

/** The master's subtitle tracks as the menu lists them: their name, with the language when it adds one. */
export function subtitleChoices(tracks: MediaPlaylist[]): SubtitleChoice[] {
  return tracks.map((track, index) => {
    const language = track.lang && track.lang !== track.name ? ` (${track.lang})` : '';
    return { index, label: `${track.name}${language}${track.forced ? ' · forced' : ''}` };
  });
}
