import { jobQueue, type Db, type FileOfStem, type QueueJob } from '@keepsake/database';
import type { SidecarName } from './sidecarName.js';

/** The queue stage of a sidecar released to wait for its video. */
export const SIDECAR_WAIT_STAGE = 'waiting for video';
/** A sidecar dropped before its video waits this long for the video to appear in the queue. */
export const SIDECAR_WAIT_SECONDS = 120;
/** A waiting sidecar asks again this often. */
const RECHECK_SECONDS = 2;

export type SidecarDecision =
  | { kind: 'attach'; mediaId: string }
  | { kind: 'wait'; reason: string; seconds: number }
  | { kind: 'orphan'; reason: string };

const made = (file: FileOfStem): file is FileOfStem & { mediaId: string } =>
  file.mediaType === 'video' && file.status === 'completed' && file.mediaStatus === 'completed' && !!file.mediaId;
/** As the queue index computes it: the path without its extension, lower-cased. */
const stemOf = (path: string) => path.replace(/\.[^./]*$/, '').toLowerCase();
const active = (file: FileOfStem) => file.status === 'queued' || file.status === 'processing';

/**
 * What a subtitle file does about its video: attach to the video item already made (a sidecar
 * arriving late), wait while a file of that name is still in the queue or may yet arrive (a
 * sidecar arriving first), else fail as a file with no video. Another sidecar waiting for the
 * same video (film.srt beside film.vtt) is never waited for, or the two would wait on each other.
 */
export async function decideSidecar(
  db: Db,
  job: Pick<QueueJob, 'id' | 'queued_at'>,
  name: SidecarName,
): Promise<SidecarDecision> {
  const files = await jobQueue.queuedFilesByStem(db, name.stems, job.id);
  // The most recent video of a name wins (a file dropped again).
  const videos = files.filter(made).reverse();
  for (const stem of name.stems) {
    const video = videos.find((file) => stemOf(file.path) === stem);
    if (video) return { kind: 'attach', mediaId: video.mediaId };
  }
  const pending = files.find((file) => active(file) && file.stage !== SIDECAR_WAIT_STAGE);
  if (pending) return { kind: 'wait', reason: `waiting for ${pending.path}`, seconds: RECHECK_SECONDS };
  const waited = (Date.now() - job.queued_at.getTime()) / 1000;
  if (waited < SIDECAR_WAIT_SECONDS) {
    return {
      kind: 'wait',
      reason: 'waiting for its video',
      seconds: Math.min(RECHECK_SECONDS, SIDECAR_WAIT_SECONDS - waited),
    };
  }
  return { kind: 'orphan', reason: `no video named like ${name.fileName} in its folder` };
}
