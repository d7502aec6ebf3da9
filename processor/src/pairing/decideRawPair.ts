import { rawPairs, type Db, type QueueJob, type RawPair, type Shot, type ShotFile } from '@keepsake/database';

export type PairDecision =
  /** Join this JPEG item as its RAW original. */
  | { kind: 'join'; mediaId: string }
  /** Come back later: the JPEG of the shot (or another RAW of it) is still in the queue, or may yet arrive. */
  | { kind: 'wait'; reason: string; seconds: number }
  /** Become an item of its own. */
  | { kind: 'alone' };

export interface PairRequest {
  db: Db;
  job: Pick<QueueJob, 'id' | 'queued_at'>;
  shot: Shot;
  /** How long after it was queued a RAW with no JPEG in sight still waits for one. */
  waitSeconds: number;
}

/** A RAW asks again this often while it waits. */
const RECHECK_SECONDS = 2;

/** The shot's JPEG, made into an item (or found a duplicate of one). */
function isJpegItem(file: ShotFile): file is ShotFile & { mediaId: string } {
  return (
    file.status === 'completed' && file.mediaStatus === 'completed' && file.mime === 'image/jpeg' && !!file.mediaId
  );
}

const active = (file: ShotFile) => file.status === 'queued' || file.status === 'processing';
/** Another RAW of the shot waiting on this one's decision: never waited for, or both would wait forever. */
const waitingOnUs = (file: ShotFile) => file.status === 'queued' && file.stage === rawPairs.PAIRING_STAGE;

/**
 * What a RAW does about the JPEG of its shot. Decided under the shot's row lock, so two
 * processors never decide for one shot at once: a JPEG already made → join it; a file of the shot
 * still queued or processing (the JPEG, presumably) → wait for it; none, but the RAW was queued
 * only moments ago → wait a little (a card copy writes the JPEG just after); else → stand alone,
 * and a JPEG arriving later is an item of its own. The first RAW of a shot holds its row; a
 * second RAW (IMG_1.CR2 beside IMG_1.DNG) waits for it, and stands alone once it has joined.
 */
export async function decideRawPair(request: PairRequest): Promise<PairDecision> {
  const { db, job, shot } = request;
  return db.transaction().execute(async (trx) => {
    const pair = await rawPairs.lockPair(trx, shot, job.id);
    const files = await rawPairs.otherFilesOfShot(trx, shot, job.id);
    const settled = settledBefore(pair, job.id, files);
    if (settled) return settled;

    const jpeg = files.find(isJpegItem);
    // An item keeping another RAW already (this JPEG a duplicate of another shot's) keeps that one.
    if (jpeg && !jpeg.hasRaw) return { kind: 'join', mediaId: jpeg.mediaId } as const;
    if (jpeg) return alone(trx, shot, job.id);
    const pending = files.find((file) => active(file) && !waitingOnUs(file));
    if (pending) return { kind: 'wait', reason: `waiting for ${pending.path}`, seconds: RECHECK_SECONDS } as const;
    const waitedSeconds = (Date.now() - job.queued_at.getTime()) / 1000;
    if (waitedSeconds < request.waitSeconds) {
      const seconds = Math.min(RECHECK_SECONDS, request.waitSeconds - waitedSeconds);
      return { kind: 'wait', reason: 'waiting for the JPEG of the same shot', seconds } as const;
    }
    return alone(trx, shot, job.id);
  });
}

async function alone(trx: Db, shot: Shot, jobId: number): Promise<PairDecision> {
  await rawPairs.setPair(trx, shot, { state: 'alone', rawJobId: jobId });
  return { kind: 'alone' };
}

/** An earlier decision for the shot: this RAW's own (a retry), or another RAW's that holds it. */
function settledBefore(pair: RawPair, jobId: number, files: ShotFile[]): PairDecision | null {
  if (pair.raw_job_id === jobId) {
    if (pair.state === 'alone') return { kind: 'alone' };
    if (pair.state === 'paired' && pair.media_id) return { kind: 'join', mediaId: pair.media_id };
    return null;
  }
  const holder = files.find((file) => file.jobId === pair.raw_job_id);
  // Another RAW of the shot (IMG_1.CR2 beside IMG_1.DNG) already joined the JPEG: this one stands alone.
  if (pair.state === 'paired') return { kind: 'alone' };
  if (holder && active(holder)) return { kind: 'wait', reason: `waiting for ${holder.path}`, seconds: RECHECK_SECONDS };
  return null;
}
