import { rotation, type Db } from '@keepsake/database';
import { ApiError } from '../errors/ApiError.js';

/**
 * Refuses (404 MEDIA_001, as for anything missing) a generation that is neither an item's current
 * one nor an old one inside its grace period. Asked of PostgreSQL on every playlist, key and
 * segment, not of the disk or a cache: once `retire_after` has passed, the old files and keys
 * end at once, even while they wait on disk for the processor's next cleanup pass.
 */
export async function requireServedGeneration(db: Db, mediaId: string, generation: number): Promise<void> {
  if (!(await rotation.isGenerationServable(db, mediaId, generation, new Date()))) {
    throw new ApiError('MEDIA_001', 'No such generation of this item.');
  }
}
