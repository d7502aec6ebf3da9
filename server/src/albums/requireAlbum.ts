import { albums, type Db } from '@keepsake/database';
import { ApiError } from '../errors/ApiError.js';

/** The album, or 404 SYSTEM_005. */
export async function requireAlbum(db: Db, id: string): Promise<albums.AlbumSummary> {
  const album = await albums.findAlbum(db, id);
  if (!album) throw new ApiError('SYSTEM_005', 'No such album.');
  return album;
}
