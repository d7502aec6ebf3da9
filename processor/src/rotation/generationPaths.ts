import {
  mediaPathColumns as pathColumns,
  type MediaFile,
  type MediaPathColumn as PathColumn,
} from '@keepsake/database';

/** `<kind>/<media uuid>/g<generation>`, as in ARCHITECTURE.md's asset layout. */
function generationPattern(generation: number): RegExp {
  return new RegExp(`^([a-z]+/[0-9a-f-]{36}/g)${generation}(/|$)`);
}

/** The folders (relative to ASSETS_DIR) that hold an item's files of one generation. */
export function generationDirs(item: Pick<MediaFile, PathColumn | 'generation'>): string[] {
  const dirs = new Set<string>();
  for (const column of pathColumns) {
    const value = item[column];
    if (!value) continue;
    const match = generationPattern(item.generation).exec(value);
    if (!match) throw new Error(`${column} "${value}" is not inside a g${item.generation} folder`);
    dirs.add(`${match[1]}${item.generation}`);
  }
  return [...dirs].sort();
}

/** The same relative path in another generation's folder. */
export function inGeneration(relativePath: string, from: number, to: number): string {
  return relativePath.replace(generationPattern(from), (_all, prefix: string, tail: string) => `${prefix}${to}${tail}`);
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
