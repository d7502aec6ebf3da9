import type { Level } from 'hls.js';

export interface QualityLevel {
  index: number;
  label: string;
}

/**
 * The quality menu: the variants the master playlist offers (never a fixed list), highest
 * first, each named by its short side as the ladder names them.
 */
export function qualityLevels(levels: Pick<Level, 'width' | 'height' | 'bitrate'>[]): QualityLevel[] {
  return levels
    .map((level, index) => {
      // Named by the short side, as the ladder is: a portrait 1080×1920 rung is "1080p".
      const shortSide = Math.min(level.width, level.height);
      return {
        index,
        height: shortSide,
        label: shortSide ? `${shortSide}p` : `${Math.round(level.bitrate / 1000)} kbps`,
      };
    })
    .sort((a, b) => b.height - a.height)
    .map(({ index, label }) => ({ index, label }));
}
