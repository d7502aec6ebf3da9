import { trickplayTileAt, type TrickplayView } from '@keepsake/contracts';
import { formatDuration } from '../../format/formatDuration';

interface Props {
  index: TrickplayView | null;
  /** The moment pointed at, seconds. */
  time: number;
  /** Where its middle goes along the bar, in pixels from the bar's left edge, and the bar's width. */
  x: number;
  barWidth: number;
}

/** The frame of the moment under the pointer, cut from its sprite sheet, with the time below it. */
export function SeekPreview({ index, time, x, barWidth }: Props) {
  const tile = index ? trickplayTileAt(index, time) : null;
  const sheet = tile && index ? index.sheets[tile.sheet] : undefined;
  const width = sheet && index ? index.tileWidth : 48;
  const left = Math.min(Math.max(0, x - width / 2), Math.max(0, barWidth - width));
  return (
    <div className="seek-preview" style={{ left }} data-time={tile ? tile.time : time} aria-hidden="true">
      {sheet && index && tile && (
        <div
          className="seek-preview-frame"
          style={{
            width: index.tileWidth,
            height: index.tileHeight,
            backgroundImage: `url("${sheet.url}")`,
            backgroundPosition: `-${tile.x}px -${tile.y}px`,
          }}
        />
      )}
      <span className="seek-preview-time">{formatDuration(time)}</span>
    </div>
  );
}
