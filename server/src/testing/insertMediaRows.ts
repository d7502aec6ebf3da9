import { randomBytes, randomUUID } from 'node:crypto';
import {
  assetKindFor,
  generationDir,
  renditionFor,
  renditionNames,
  renditions,
  type MediaType as Type,
  type Rendition,
} from '@keepsake/contracts';
import type { Db, MediaType, NewMediaFile } from '@keepsake/database';

/** What the processor would store for the item's own folder (originals are not kept here). */
function renditionColumnsOf(type: Type, dir: string): Record<string, string | null> {
  const columns: Record<string, string | null> = {};
  for (const name of renditionNames) {
    const rendition: Rendition = renditions[name];
    if (rendition.folder === 'media' && rendition.column)
      columns[rendition.column] = renditionFor(name, type) ? `${dir}/${rendition.file}` : null;
  }
  return columns;
}

/**
 * Completed gallery rows written straight into media_files, for tests about browsing (paging,
 * sorting, shapes) rather than about the files themselves, which come from the real processor.
 */
export function galleryRow(i: number, overrides: Partial<NewMediaFile> = {}): NewMediaFile {
  const id = randomUUID();
  const type: MediaType = i % 3 === 0 ? 'video' : 'image';
  const dir = generationDir(assetKindFor(type), id, 1);
  return {
    id,
    original_name: `file-${String(i).padStart(6, '0')}.${type === 'video' ? 'mp4' : 'jpg'}`,
    type,
    mime: type === 'video' ? 'video/mp4' : 'image/jpeg',
    size: 1000 + i,
    width: 640,
    height: 480,
    duration: type === 'video' ? 3 : null,
    taken_at: i % 5 === 0 ? null : new Date(Date.UTC(2020, 0, 1) + i * 3600_000),
    content_hash: randomBytes(16).toString('hex'),
    status: 'completed',
    asset_dir: dir,
    ...renditionColumnsOf(type, dir),
    updated_at: new Date(),
    ...overrides,
  };
}

export async function insertGalleryRows(db: Db, count: number, start = 0): Promise<void> {
  for (let offset = 0; offset < count; offset += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - offset) }, (_, k) => galleryRow(start + offset + k));
    await db.insertInto('media_files').values(rows).execute();
  }
}

/** Two rows no gallery view may show, beside the completed ones: one still processing, one failed. */
export async function insertNotInGallery(db: Db): Promise<void> {
  await db
    .insertInto('media_files')
    .values([galleryRow(9001, { status: 'processing' }), galleryRow(9002, { status: 'failed' })])
    .execute();
}
