import type { Db, QueueJob, RawPairState, ShotFile } from '@keepsake/database';
import { rawPairs } from '@keepsake/database';

export type PairDecision =
  /** Join this item as its companion (a RAW beside its JPEG, a MOV as its still's motion). */
  | { kind: 'join'; mediaId: string }
  /** Come back later: the other half is still in the queue, or may yet arrive. */
  | { kind: 'wait'; reason: string; seconds: number }
  /** Become an item of its own. */
  | { kind: 'alone' };

/** A pair's row as both pairing tables hold it. */
export interface PairRow {
  state: RawPairState;
  /** The job of the half that decides (the RAW, the MOV). */
  jobId: number | null;
  mediaId: string | null;
}

/** The item a deciding half may join, made already. */
export interface PairPartner {
  mediaId: string;
  /** It keeps a companion of this kind already (a duplicate of another shot's half). */
  taken: boolean;
}

/** What differs between RAW+JPEG shots and Live Photos; the decision itself is shared. */
export interface PairRules {
  /** The pair's row, made if missing, locked until the transaction ends. */
  lock(trx: Db): Promise<PairRow>;
  set(trx: Db, change: { state: RawPairState; mediaId?: string | null }): Promise<void>;
  /** The other queued files of the shot (same folder and base name), with the items they made. */
  files(trx: Db): Promise<ShotFile[]>;
  partner(trx: Db, files: ShotFile[]): Promise<PairPartner | null>;
  /** How long after it was queued a half with its partner nowhere in sight still waits for it. */
  waitSeconds: number;
  /** What it waits for, for the log: "the JPEG of the same shot". */
  waitingFor: string;
}

/** A waiting half asks again this often. */
const RECHECK_SECONDS = 2;

const active = (file: ShotFile) => file.status === 'queued' || file.status === 'processing';
/** Another half of the same kind waiting on this one's decision: never waited for, or both would wait forever. */
const waitingOnUs = (file: ShotFile) => file.status === 'queued' && file.stage === rawPairs.PAIRING_STAGE;

/**
 * What the deciding half of a pair does (a RAW about its JPEG, a MOV about its still). Decided
 * under the pair's row lock, so two processors never decide for one pair at once: the partner
 * already made → join it; a file of the shot still queued or processing (the partner,
 * presumably) → wait for it; none, but the half was queued less than `waitSeconds` ago → wait a
 * little (a card copy writes the other file just after); else → stand alone, and a partner
 * arriving later is an item of its own. The first half of a pair holds its row; a second one
 * (IMG_1.CR2 beside IMG_1.DNG) waits for it, and stands alone once it has joined.
 */
export async function decidePair(db: Db, job: Pick<QueueJob, 'id' | 'queued_at'>, rules: PairRules) {
  return db.transaction().execute(async (trx): Promise<PairDecision> => {
    const pair = await rules.lock(trx);
    const files = await rules.files(trx);
    const settled = settledBefore(pair, job.id, files);
    if (settled) return settled;

    const partner = await rules.partner(trx, files);
    if (partner && !partner.taken) return { kind: 'join', mediaId: partner.mediaId };
    if (partner) return alone(trx, rules);
    const pending = files.find((file) => active(file) && !waitingOnUs(file));
    if (pending) return { kind: 'wait', reason: `waiting for ${pending.path}`, seconds: RECHECK_SECONDS };
    const waitedSeconds = (Date.now() - job.queued_at.getTime()) / 1000;
    if (waitedSeconds < rules.waitSeconds) {
      const seconds = Math.min(RECHECK_SECONDS, rules.waitSeconds - waitedSeconds);
      return { kind: 'wait', reason: `waiting for ${rules.waitingFor}`, seconds };
    }
    return alone(trx, rules);
  });
}

async function alone(trx: Db, rules: PairRules): Promise<PairDecision> {
  await rules.set(trx, { state: 'alone' });
  return { kind: 'alone' };
}

/** An earlier decision for the pair: this half's own (a retry), or another half's that holds it. */
function settledBefore(pair: PairRow, jobId: number, files: ShotFile[]): PairDecision | null {
  if (pair.jobId === jobId) {
    if (pair.state === 'alone') return { kind: 'alone' };
    if (pair.state === 'paired' && pair.mediaId) return { kind: 'join', mediaId: pair.mediaId };
    return null;
  }
  const holder = files.find((file) => file.jobId === pair.jobId);
  // Another half of the pair (IMG_1.CR2 beside IMG_1.DNG) already joined: this one stands alone.
  if (pair.state === 'paired') return { kind: 'alone' };
  if (holder && active(holder)) return { kind: 'wait', reason: `waiting for ${holder.path}`, seconds: RECHECK_SECONDS };
  return null;
}
