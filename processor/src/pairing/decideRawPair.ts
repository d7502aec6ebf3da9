import { rawPairs, type Db, type QueueJob, type Shot, type ShotFile } from '@keepsake/database';
import { decidePair, type PairDecision } from './decidePair.js';

export type { PairDecision } from './decidePair.js';

export interface PairRequest {
  db: Db;
  job: Pick<QueueJob, 'id' | 'queued_at'>;
  shot: Shot;
  /** How long after it was queued a RAW with no JPEG in sight still waits for one. */
  waitSeconds: number;
}

/** The shot's JPEG, made into an item (or found a duplicate of one). */
function isJpegItem(file: ShotFile): file is ShotFile & { mediaId: string } {
  return (
    file.status === 'completed' && file.mediaStatus === 'completed' && file.mime === 'image/jpeg' && !!file.mediaId
  );
}

/**
 * What a RAW does about the JPEG of its shot (decidePair, under the shot's row in raw_pairs): a
 * JPEG item of the same folder and base name is its partner; one that keeps a RAW already (a
 * duplicate JPEG of another shot) keeps that one.
 */
export function decideRawPair(request: PairRequest): Promise<PairDecision> {
  const { shot, job } = request;
  return decidePair(request.db, job, {
    lock: async (trx) => {
      const row = await rawPairs.lockPair(trx, shot, job.id);
      return { state: row.state, jobId: row.raw_job_id, mediaId: row.media_id };
    },
    set: (trx, change) => rawPairs.setPair(trx, shot, { ...change, rawJobId: job.id }),
    files: (trx) => rawPairs.otherFilesOfShot(trx, shot, job.id),
    partner: async (_trx, files) => {
      const jpeg = files.find(isJpegItem);
      return jpeg ? { mediaId: jpeg.mediaId, taken: jpeg.hasRaw } : null;
    },
    waitSeconds: request.waitSeconds,
    waitingFor: 'the JPEG of the same shot',
  });
}
