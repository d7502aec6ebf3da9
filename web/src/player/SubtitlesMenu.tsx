import { useId } from 'react';
import type { SubtitleChoice } from './subtitleTracks';

interface Props {
  tracks: SubtitleChoice[];
  /** -1: off. */
  chosen: number;
  onChoose(index: number): void;
}

/**
 * Picks one of the video's subtitle tracks or none (hls.js; under Safari's own HLS the
 * system player of the iPhone's full screen lists them from the master playlist). Off until
 * chosen, unless the video marks a track forced.
 */
export function SubtitlesMenu({ tracks, chosen, onChoose }: Props) {
  const id = useId();
  if (tracks.length === 0) return null;
  return (
    <span className="player-menu player-subtitles">
      <label htmlFor={id}>Subtitles</label>
      <select id={id} value={chosen} onChange={(event) => onChoose(Number(event.target.value))}>
        <option value={-1}>Off</option>
        {tracks.map((track) => (
          <option key={track.index} value={track.index}>
            {track.label}
          </option>
        ))}
      </select>
    </span>
  );
}
