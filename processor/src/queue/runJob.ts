import type { QueueJob } from '@keepsake/database';
import { refuseEndlessRestarts } from './job/attemptLimit.js';
import { attachSubtitle } from './job/attachSubtitle.js';
import { convertMedia } from './job/convertMedia.js';
import { finishAsDuplicate, finishPublished, releaseToTheOtherJob } from './job/finishJob.js';
import { hashAndReserve } from './job/hashAndReserve.js';
import { pairLive } from './job/pairLive.js';
import { pairRaw } from './job/pairRaw.js';
import { closeJobRun, openJobRun, type JobContext, type JobOutcome, type JobRun } from './job/jobRun.js';
import { publishConverted } from './job/publishConverted.js';
import { settleFailure } from './job/settleFailure.js';
import { findQueuedVersion, openSource } from './job/sourceFile.js';

export type { JobContext, JobOutcome } from './job/jobRun.js';

/**
 * One claimed job from start to end. Every way out leaves the queue row in a true state:
 * the job's time limit, the processor's shutdown and a lost lease stop it wherever it is.
 */
export async function runJob(ctx: JobContext, job: QueueJob): Promise<JobOutcome> {
  const run = openJobRun(ctx, job);
  try {
    return await processFile(run);
  } catch (caught) {
    return await settleFailure(run, caught);
  } finally {
    await closeJobRun(run);
  }
}

/**
 * Read, pair a RAW with its shot's JPEG, attach subtitles to their video, a Live Photo's MOV to
 * its still, dedupe, detect, convert, seal, publish, and only then
 * remove the original from imports/.
 */
async function processFile(run: JobRun): Promise<JobOutcome> {
  const queued = await findQueuedVersion(run);
  if (queued.kind === 'skipped') return queued;
  refuseEndlessRestarts(run.job);
  const source = await openSource(run, queued.stats);
  const paired = await pairRaw(run, source);
  if (paired) return paired;
  const subtitles = await attachSubtitle(run, source);
  if (subtitles) return subtitles;
  const motion = await pairLive(run, source);
  if (motion) return motion;

  const reservation = await hashAndReserve(run, source);
  if (reservation.kind === 'busy') return releaseToTheOtherJob(run);
  if (reservation.kind === 'duplicate') return finishAsDuplicate(run, reservation.media);

  const converted = await convertMedia(run, source.input, reservation.media);
  await publishConverted(run, converted, reservation.media);
  return finishPublished(run, reservation.media.id, converted.processed.type);
}
