import fs from 'node:fs/promises';

/**
 * Puts a master playlist back in the order videos made before the start rung had (top rung
 * first, by BANDWIDTH), so tests and benches can hold an "old layout" video: that order plus
 * 10 s segments (`HLS_SEGMENT_SECONDS=10`).
 */
export async function writeLegacyMasterOrder(masterFile: string): Promise<void> {
  const lines = (await fs.readFile(masterFile, 'utf8')).trim().split('\n');
  const header = lines.filter(
    (line, i) => !line.startsWith('#EXT-X-STREAM-INF:') && !lines[i - 1]?.startsWith('#EXT-X-STREAM-INF:'),
  );
  const variants: [string, string][] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('#EXT-X-STREAM-INF:')) variants.push([line, lines[i + 1]!]);
  });
  const bandwidth = ([info]: [string, string]) => Number(/[:,]BANDWIDTH=(\d+)/.exec(info)![1]);
  variants.sort((a, b) => bandwidth(b) - bandwidth(a));
  await fs.writeFile(masterFile, `${[...header, ...variants.flat()].join('\n')}\n`);
}

/** Each segment's length in seconds, as a variant playlist's #EXTINF lines say. */
export function segmentSeconds(variantPlaylist: string): number[] {
  return variantPlaylist
    .split('\n')
    .filter((line) => line.startsWith('#EXTINF:'))
    .map((line) => Number.parseFloat(line.slice('#EXTINF:'.length)));
}
