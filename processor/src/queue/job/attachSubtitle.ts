import { unsupported } from '../../errors/ProcessingError.js';
import { attachSidecar } from '../../subtitles/attachSidecar.js';
import { decideSidecar, SIDECAR_WAIT_STAGE } from '../../subtitles/decideSidecar.js';
import { readSidecar } from '../../subtitles/readSidecar.js';
import { sidecarName } from '../../subtitles/sidecarName.js';
import { finishJoined, releaseToWait, ROTATION_BUSY_SECONDS } from './finishJob.js';
import type { JobOutcome, JobRun } from './jobRun.js';
import type { SourceFile } from './sourceFile.js';

/**
 * A subtitle file (SRT or WebVTT by its content) beside a video becomes a track of that video
 * instead of an item: the outcome when it did or waits for its video, null when the file is not
 * subtitles and goes on as usual. A damaged subtitle file, or one whose video never comes, fails
 * as itself (MEDIA_004, kept in failed/ for the admin), never the video.
 */
export async function attachSubtitle(run: JobRun, source: SourceFile): Promise<JobOutcome | null> {
  const cues = await readSidecar(source.input, run.job.path);
  if (!cues) return null;
  const name = sidecarName(run.job.path);
  run.stage('subtitles', 1);
  const decision = await decideSidecar(run.ctx.db, run.job, name);
  if (decision.kind === 'orphan') throw unsupported(`subtitle file has no video: ${decision.reason}`);
  if (decision.kind === 'wait') return waitForVideo(run, decision.reason, decision.seconds);
  const { db, keyStore, config, workerId } = run.ctx;
  const attached = await attachSidecar({
    db,
    keyStore,
    assetsDir: config.assetsDir,
    job: { id: run.jobId, workerId },
    mediaId: decision.mediaId,
    name,
    cues,
    onStaging: (staging) => (run.staging = staging),
  });
  if (attached === 'busy') return waitForVideo(run, 'a key rotation is running', ROTATION_BUSY_SECONDS);
  return finishJoined(run, decision.mediaId, { stage: 'subtitles', message: 'subtitles kept with their video' });
}

function waitForVideo(run: JobRun, reason: string, seconds: number): Promise<JobOutcome> {
  return releaseToWait(run, { stage: SIDECAR_WAIT_STAGE, reason, seconds }, 'subtitle file waits for its video');
}
