import { extractEmbeddedMotion, type EmbeddedMotion } from '../../detect/motionPhoto/extractEmbeddedMotion.js';
import type { MotionLog } from '../../detect/motionPhoto/embeddedMotion.js';
import { findEmbeddedMotion } from '../../detect/motionPhoto/findEmbeddedMotion.js';
import type { PhotoFormat } from '../../detect/detectMedia.js';
import type { PrivateTemp } from '../../startup/privateTemp.js';

export interface MotionOfPhotoJob {
  input: string;
  format: PhotoFormat;
  temp: PrivateTemp;
  logger?: MotionLog;
  signal?: AbortSignal;
}

/**
 * A motion photo's clip, copied out for the motion producer, or null. The still stays the
 * photo whatever happens here: a clip that is missing, lies or is no video is logged and
 * left out; only an abort (time limit, shutdown) goes on up.
 */
export async function motionOfPhoto(job: MotionOfPhotoJob): Promise<EmbeddedMotion | null> {
  // Google and Samsung write motion photos as JPEG, Samsung also as HEIC.
  if (job.format !== 'jpeg' && job.format !== 'heif') return null;
  const range = await findEmbeddedMotion(job.input, job.logger);
  if (!range) return null;
  try {
    return await extractEmbeddedMotion(job.input, range, job.temp, job.signal);
  } catch (error) {
    if (job.signal?.aborted) throw error;
    job.logger?.info(
      { err: error, layout: range.layout },
      'motion photo clip is not a playable video: the photo is kept as a still',
    );
    return null;
  }
}
