import { mediaItems, type Db, type MediaFile } from '@keepsake/database';
import { ApiError } from '../errors/ApiError.js';

/** The item if it is in the gallery; otherwise the error that says why not. */
export async function requireCompletedMedia(db: Db, id: string): Promise<MediaFile> {
  const item = await mediaItems.findMediaById(db, id);
  // A trashed item is gone as far as the library and its URLs are concerned (the Trash page lists it).
  if (!item || item.status === 'trashed') throw new ApiError('MEDIA_001');
  if (item.status === 'failed') throw new ApiError('MEDIA_002');
  if (item.status !== 'completed') throw new ApiError('MEDIA_007');
  return item;
}
