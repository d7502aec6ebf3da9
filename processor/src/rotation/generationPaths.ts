import { generationDir, inGeneration as movedTo, parseAssetPath } from '@keepsake/contracts';
import {
  mediaPathColumns as pathColumns,
  type MediaFile,
  type MediaPathColumn as PathColumn,
} from '@keepsake/database';

function parseInGeneration(relativePath: string, generation: number) {
  const parsed = parseAssetPath(relativePath);
  return parsed?.generation === generation ? parsed : null;
}

/** The folders (relative to ASSETS_DIR) that hold an item's files of one generation. */
export function generationDirs(item: Pick<MediaFile, PathColumn | 'generation'>): string[] {
  const dirs = new Set<string>();
  for (const column of pathColumns) {
    const value = item[column];
    if (!value) continue;
    const parsed = parseInGeneration(value, item.generation);
    if (!parsed) throw new Error(`${column} "${value}" is not inside a g${item.generation} folder`);
    dirs.add(generationDir(parsed.kind, parsed.mediaId, parsed.generation));
  }
  return [...dirs].sort();
}

/** The same relative path in another generation's folder. */
export function inGeneration(relativePath: string, from: number, to: number): string {
  const parsed = parseInGeneration(relativePath, from);
  return parsed ? movedTo(parsed, to) : relativePath;
}

/** Every path column moved to the new generation. */
export function pathsInGeneration(
  item: Pick<MediaFile, PathColumn | 'generation'>,
  to: number,
): Record<PathColumn, string | null> {
  const out = {} as Record<PathColumn, string | null>;
  for (const column of pathColumns) {
    const value = item[column];
    out[column] = value ? inGeneration(value, item.generation, to) : null;
  }
  return out;
}
