import path from 'node:path';
import type { MediaType } from '@keepsake/database';

/** Folders as laid out in ARCHITECTURE.md; paths stored in media_files are relative to ASSETS_DIR. */
export function assetDirFor(type: MediaType, mediaId: string, generation: number): string {
  return path.posix.join(type === 'image' ? 'images' : 'videos', mediaId, `g${generation}`);
}

export function originalDirFor(mediaId: string, generation: number): string {
  return path.posix.join('originals', mediaId, `g${generation}`);
}

export const ORIGINAL_NAME = 'original.sealed';
export const STAGING_DIR = '.staging';
