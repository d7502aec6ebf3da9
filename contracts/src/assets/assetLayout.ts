import { uuidSource } from '../patterns/uuid.js';

/**
 * Where an item's files live under ASSETS_DIR (ARCHITECTURE.md, asset layout):
 * `<kind>/<mediaId>/g<generation>/…`, one folder per key generation, so a rotation writes the
 * next generation beside the current one and switches in one transaction. Paths are relative to
 * ASSETS_DIR and always use `/`, as they are stored in media_files.
 */
export const assetKinds = ['images', 'videos', 'originals'] as const;
export type AssetKind = (typeof assetKinds)[number];

/** What the processor made the item into: the folder its renditions go to. */
export function assetKindFor(type: 'image' | 'video'): AssetKind {
  return type === 'image' ? 'images' : 'videos';
}

/** Work in progress, `.staging/<jobId>-<random>/`: never served, never backed up. */
export const STAGING_DIR = '.staging';
/** A rotation writes `g<n+1>.rotating` and renames it to `g<n+1>` once it is whole. */
export const ROTATING_SUFFIX = '.rotating';

/** `<kind>/<mediaId>/g<generation>`: one generation of one item's files of one kind. */
export function generationDir(kind: AssetKind, mediaId: string, generation: number): string {
  return `${kind}/${mediaId}/g${generation}`;
}

/** The name of a generation folder inside `<kind>/<mediaId>/`, finished or being written. */
export const generationFolderPattern = new RegExp(`^g(\\d+)(${ROTATING_SUFFIX.replace('.', '\\.')})?$`);

export interface AssetPath {
  kind: AssetKind;
  mediaId: string;
  generation: number;
  /** What follows the generation folder (`720p/seg_00000.ts`), or '' for the folder itself. */
  rest: string;
}

const assetPathPattern = new RegExp(`^(${assetKinds.join('|')})/(${uuidSource})/g([1-9]\\d*)(?:/(.+))?$`);

/** The parts of a stored path, or null when it is not inside a generation folder. */
export function parseAssetPath(relativePath: string): AssetPath | null {
  const match = assetPathPattern.exec(relativePath);
  if (!match) return null;
  return { kind: match[1] as AssetKind, mediaId: match[2]!, generation: Number(match[3]), rest: match[4] ?? '' };
}

/** The same place in another generation's folder (`videos/<id>/g1/720p/x.ts` → `…/g2/720p/x.ts`). */
export function inGeneration(path: AssetPath, generation: number): string {
  const dir = generationDir(path.kind, path.mediaId, generation);
  return path.rest ? `${dir}/${path.rest}` : dir;
}
