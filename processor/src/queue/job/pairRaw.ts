import path from 'node:path';
import { rawPairs } from '@keepsake/database';
import { detectPhoto } from '../../detect/detectMedia.js';
import { decideRawPair } from '../../pairing/decideRawPair.js';
import { joinJpegItem } from '../../pairing/joinJpegItem.js';
import { shotOf } from '../../pairing/shotOf.js';
import { finishJoined, releaseToWait, ROTATION_BUSY_SECONDS } from './finishJob.js';
import type { JobOutcome, JobRun } from './jobRun.js';
import type { SourceFile } from './sourceFile.js';

/**
 * A RAW photo with a JPEG of the same shot joins the JPEG's item instead of becoming one: the
 * outcome when it did (or when it waits for the JPEG), null when the file goes on as usual (not
 * a RAW, or a RAW standing alone). Runs before the content is hashed, so a RAW kept beside its
 * JPEG reserves no item of its own.
 */
export async function pairRaw(run: JobRun, source: SourceFile): Promise<JobOutcome | null> {
  const photo = await detectPhoto(source.input).catch(() => null);
  if (photo?.format !== 'raw') return null;
  const { db, config, keyStore, workerId } = run.ctx;
  const shot = shotOf(run.job.path);
  run.stage('pairing', 1);
  const decision = await decideRawPair({ db, job: run.job, shot, waitSeconds: config.rawPairWaitSeconds });
  if (decision.kind === 'alone') return null;
  if (decision.kind === 'wait') return waitForPair(run, decision.reason, decision.seconds);
  const joined = await joinJpegItem({
    db,
    keyStore,
    assetsDir: config.assetsDir,
    keepOriginals: config.keepOriginals,
    job: { id: run.jobId, workerId },
    shot,
    input: source.input,
    name: path.basename(run.job.path),
    mime: photo.mime,
    size: source.size,
    mediaId: decision.mediaId,
    onStaging: (staging) => (run.staging = staging),
  });
  if (joined === 'busy') return waitForPair(run, 'a key rotation is running', ROTATION_BUSY_SECONDS);
  return finishJoined(run, decision.mediaId, { stage: 'paired', message: 'RAW kept with its JPEG' });
}

function waitForPair(run: JobRun, reason: string, seconds: number): Promise<JobOutcome> {
  return releaseToWait(run, { stage: rawPairs.PAIRING_STAGE, reason, seconds }, 'RAW waits for its JPEG');
}
