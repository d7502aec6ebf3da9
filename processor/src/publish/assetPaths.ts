import { assetKindFor, generationDir, renditions } from '@keepsake/contracts';
import type { MediaType } from '@keepsake/database';

/** The folder a pipeline's outputs are renamed into (the asset layout is @keepsake/contracts'). */
export function assetDirFor(type: MediaType, mediaId: string, generation: number): string {
  return generationDir(assetKindFor(type), mediaId, generation);
}

export function originalDirFor(mediaId: string, generation: number): string {
  return generationDir('originals', mediaId, generation);
}

export const ORIGINAL_NAME = renditions.original.file;
