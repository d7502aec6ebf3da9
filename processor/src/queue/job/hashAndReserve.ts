import path from 'node:path';
import { uploaderOf } from '@keepsake/platform';
import { hashFile } from './hashFile.js';
import { reserveMedia, type Reservation } from '../reserveMedia.js';
import type { JobRun } from './jobRun.js';
import type { SourceFile } from './sourceFile.js';

/** Hashes the content and learns who makes its item; from here on a failure concerns that item. */
export async function hashAndReserve(run: JobRun, source: SourceFile): Promise<Reservation> {
  run.stage('hashing', 1);
  const contentHash = await hashFile(source.input, run.signal);
  const reservation = await reserveMedia(run.ctx.db, {
    contentHash,
    originalName: path.basename(run.relativePath),
    size: source.size,
    jobId: run.jobId,
    // From where it was dropped, not failed/ where a retried one now lies.
    uploadedBy: uploaderOf(run.job.path),
  });
  run.mediaId = reservation.media.id;
  run.generation = reservation.media.generation;
  run.progress.setMediaId(reservation.media.id);
  return reservation;
}
