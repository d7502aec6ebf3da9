import { renditionFor, renditionNames, renditions, type Rendition, type RenditionColumn } from '@keepsake/contracts';
import type { ProcessedMedia } from '../pipelines/ProcessedMedia.js';

export interface PublishedDirs {
  /** The item's own folder (images/ or videos/<id>/g<n>). */
  assetDir: string;
  /** originals/<id>/g<n> when the original was kept, else null. */
  originalDir: string | null;
}

/**
 * Each rendition column as media_files stores it, from the renditions table: what the pipeline
 * made, in the item's folder, and the kept original. A rendition the table says this item has
 * (and does not mark optional, as a Live Photo's motion) but the pipeline did not make is a bug, refused before anything is committed.
 */
export function renditionPaths(processed: ProcessedMedia, dirs: PublishedDirs): Record<RenditionColumn, string | null> {
  const paths = {} as Record<RenditionColumn, string | null>;
  for (const name of renditionNames) {
    const rendition: Rendition = renditions[name];
    const wanted = renditionFor(name, processed.type);
    const file = rendition.folder === 'media' ? processed.files[name as keyof ProcessedMedia['files']] : rendition.file;
    const dir = rendition.folder === 'media' ? dirs.assetDir : dirs.originalDir;
    if (wanted && !file && rendition.folder === 'media' && !rendition.optional)
      throw new Error(`the ${processed.type} pipeline made no ${name}`);
    if (rendition.column) paths[rendition.column as RenditionColumn] = wanted && file && dir ? `${dir}/${file}` : null;
  }
  return paths;
}
