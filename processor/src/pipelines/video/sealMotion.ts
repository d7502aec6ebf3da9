import { renditions } from '@keepsake/contracts';
import type { ContentKey } from '@keepsake/vault';
import type { VideoProbe } from '../../detect/probeVideo.js';
import { writeSealed } from '../writeSealed.js';
import { motionClip } from './motionClip.js';

export interface MotionJob {
  /** Any video ffprobe has read: a Live Photo's MOV, a clip taken out of a motion photo. */
  input: string;
  probe: VideoProbe;
  /** The folder it is sealed into (a staging folder's out/). */
  outDir: string;
  /** The photo item's storage key: the motion is one of its files. */
  storageKey: ContentKey;
  signal?: AbortSignal;
}

/**
 * The motion rendition's producer: the video made into the photo's motion (motionClip) and
 * sealed in memory into `outDir` under the rendition's name, which it returns — what
 * `ProcessedMedia.files.motion` holds for a photo being made, and what attachMotion renames
 * into a published item's folder.
 */
export async function sealMotion(job: MotionJob): Promise<string> {
  const clip = await motionClip(job.input, job.probe, job.signal);
  return writeSealed(job.outDir, renditions.motion.file, clip, job.storageKey);
}
