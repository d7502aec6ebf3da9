import path from 'node:path';
import { jobQueue, livePairs, rawPairs, type ShotFile } from '@keepsake/database';
import { detectMedia } from '../../detect/detectMedia.js';
import { attachMotion } from '../../pairing/attachMotion.js';
import { decideLivePair, livePairKey } from '../../pairing/decideLivePair.js';
import { shotOf } from '../../pairing/shotOf.js';
import { LeaseLostError } from '../../publish/publishMedia.js';
import { finishJoined, releaseToWait, ROTATION_BUSY_SECONDS } from './finishJob.js';
import type { JobOutcome, JobRun } from './jobRun.js';
import type { SourceFile } from './sourceFile.js';

const mayBeItsStill = (file: ShotFile) =>
  file.status === 'queued' || file.status === 'processing' || file.mediaType === 'image';

/**
 * The MOV of a Live Photo gives its still's photo item motion instead of becoming a video: the
 * outcome when it did (or waits for the still), null when the file goes on as usual (a photo,
 * not a video, or a video that stays one). A MOV is a candidate when it carries Apple's content
 * identifier, or when a photo of the same name is in the queue (a pair by name and time). Runs
 * before the content is hashed, so a MOV kept with its still reserves no item of its own.
 */
export async function pairLive(run: JobRun, source: SourceFile): Promise<JobOutcome | null> {
  const media = await detectMedia(source.input, run.signal).catch(() => null);
  if (media?.type !== 'video') return null;
  // The conversion goes by the same probe if the MOV stays a video: one ffprobe per file.
  run.detected = media;
  const { probe } = media;
  const { db, config, keyStore, workerId } = run.ctx;
  const shot = shotOf(run.job.path);
  if (!probe.contentIdentifier) {
    const named = await rawPairs.otherFilesOfShot(db, shot, run.jobId);
    if (!probe.recordedAt || !named.some(mayBeItsStill)) return null;
  }
  run.stage('pairing', 1);
  const request = {
    db,
    job: run.job,
    shot,
    contentIdentifier: probe.contentIdentifier,
    recordedAt: probe.recordedAt,
    waitSeconds: config.livePairWaitSeconds,
  };
  const decision = await decideLivePair(request);
  if (decision.kind === 'alone') return null;
  if (decision.kind === 'wait') return waitForStill(run, decision.reason, decision.seconds);
  const { mediaId } = decision;
  const attached = await attachMotion({
    db,
    keyStore,
    assetsDir: config.assetsDir,
    mediaId,
    video: { input: source.input, probe },
    keepAs: config.keepOriginals ? { name: path.basename(run.job.path), mime: media.mime, size: source.size } : null,
    contentIdentifier: probe.contentIdentifier,
    jobId: run.jobId,
    onStaging: (staging) => (run.staging = staging),
    signal: run.signal,
    commit: async (trx) => {
      await livePairs.setPair(trx, livePairKey(request), { state: 'paired', motionJobId: run.jobId, mediaId });
      const owned = await jobQueue.completeJob(trx, { jobId: run.jobId, workerId, mediaId, stage: 'paired' });
      if (!owned) throw new LeaseLostError('the job was taken over by another worker before its motion was kept');
    },
  });
  if (attached === 'busy') return waitForStill(run, 'a key rotation is running', ROTATION_BUSY_SECONDS);
  return finishJoined(run, mediaId, { stage: 'paired', message: 'MOV kept as the motion of its Live Photo' });
}

function waitForStill(run: JobRun, reason: string, seconds: number): Promise<JobOutcome> {
  return releaseToWait(run, { stage: rawPairs.PAIRING_STAGE, reason, seconds }, 'MOV waits for its still');
}
