import {
  livePairs,
  rawPairs,
  type Db,
  type LiveStill,
  type QueueJob,
  type Shot,
  type ShotFile,
} from '@keepsake/database';
import { decidePair, type PairDecision, type PairPartner } from './decidePair.js';

export interface LivePairRequest {
  db: Db;
  job: Pick<QueueJob, 'id' | 'queued_at'>;
  /** The MOV's folder and base name: a still of the same name is its partner by name and time. */
  shot: Shot;
  /** Apple's identifier from the MOV's metadata, or null. */
  contentIdentifier: string | null;
  /** When the MOV says it was recorded, or null. */
  recordedAt: Date | null;
  /** How long a MOV with an identifier waits for its still (LIVE_PAIR_WAIT_SECONDS). */
  waitSeconds: number;
}

/** A still and its MOV by name (no identifier to go by) are one moment only this close in time. */
const SAME_MOMENT_MS = 1000;

/** The key of the pair's row: the identifier when there is one, else the shot. */
export function livePairKey(request: Pick<LivePairRequest, 'shot' | 'contentIdentifier'>): string {
  if (request.contentIdentifier) return `id:${request.contentIdentifier}`;
  const { folder, base } = request.shot;
  return `shot:${folder ? `${folder}/${base}` : base}`;
}

const asPartner = (still: LiveStill | undefined): PairPartner | null =>
  still ? { mediaId: still.id, taken: still.hasMotion } : null;

/**
 * The still of a MOV: the photo item whose maker note carries the MOV's content identifier;
 * else (no identifier, or a still that lost it) a photo item of the same folder and base name
 * taken within a second of the MOV's recording.
 */
async function findStill(trx: Db, request: LivePairRequest, files: ShotFile[]): Promise<PairPartner | null> {
  if (request.contentIdentifier) {
    const stills = await livePairs.stillsByIdentifier(trx, request.contentIdentifier);
    const free = stills.find((still) => !still.hasMotion) ?? stills[0];
    if (free) return asPartner(free);
  }
  const recorded = request.recordedAt?.getTime();
  if (recorded === undefined) return null;
  const made = files.filter((file) => file.status === 'completed' && file.mediaType === 'image' && file.mediaId);
  const stills = await livePairs.stillsById(
    trx,
    made.map((file) => file.mediaId!),
  );
  const sameMoment = stills.filter(
    (still) => still.takenAt && Math.abs(still.takenAt.getTime() - recorded) <= SAME_MOMENT_MS,
  );
  return asPartner(sameMoment.find((still) => !still.hasMotion) ?? sameMoment[0]);
}

/**
 * What a MOV does about its Live Photo's still (decidePair, under the pair's row in
 * live_pairs): the still made already → give it its motion; a file of the same name still in
 * the queue → wait for it; a MOV with an identifier and no still yet waits up to
 * LIVE_PAIR_WAIT_SECONDS, however many minutes later the still is dropped; then, or at once
 * for a MOV without one, it stays a video of its own.
 */
export function decideLivePair(request: LivePairRequest): Promise<PairDecision> {
  const { job, shot } = request;
  const key = livePairKey(request);
  return decidePair(request.db, job, {
    lock: async (trx) => {
      const row = await livePairs.lockPair(trx, key, job.id);
      return { state: row.state, jobId: row.motion_job_id, mediaId: row.media_id };
    },
    set: (trx, change) => livePairs.setPair(trx, key, { ...change, motionJobId: job.id }),
    files: (trx) => rawPairs.otherFilesOfShot(trx, shot, job.id),
    partner: (trx, files) => findStill(trx, request, files),
    waitSeconds: request.contentIdentifier ? request.waitSeconds : 0,
    waitingFor: 'the still of the Live Photo',
  });
}
