import { useId } from 'react';
import type { Quality } from './useHlsJsEngine';

type Props = Pick<Quality, 'levels' | 'chosenLevel' | 'playingLevel' | 'chooseLevel'>;

/** hls.js's own level list with Auto first (naming the rung it plays); hidden with one rung or none. */
export function QualityMenu({ levels, chosenLevel, playingLevel, chooseLevel }: Props) {
  const id = useId();
  if (levels.length <= 1) return null;
  const playingLabel = levels.find((level) => level.index === playingLevel)?.label;
  return (
    <span className="player-menu player-quality">
      <label htmlFor={id}>Quality</label>
      <select id={id} value={chosenLevel} onChange={(event) => chooseLevel(Number(event.target.value))}>
        <option value={-1}>Auto{chosenLevel === -1 && playingLabel ? ` (${playingLabel})` : ''}</option>
        {levels.map((level) => (
          <option key={level.index} value={level.index}>
            {level.label}
          </option>
        ))}
      </select>
    </span>
  );
}
