import type { ProcessedMedia } from '../../pipelines/ProcessedMedia.js';
import type { JobRun } from './jobRun.js';

/**
 * Where a motion photo's clip (`embeddedMotion`: file, layout, probe) becomes the item's motion,
 * played like a Live Photo: the motion producer (s8/live) is called here with it, writing into
 * the same staging folder. Until it lands the clip is only noted in the log. Either way the
 * plaintext clip is removed before the job goes on, and the photo publishes without it.
 */
export async function settleEmbeddedMotion(run: JobRun, photo: ProcessedMedia): Promise<ProcessedMedia> {
  const { embeddedMotion, ...still } = photo;
  if (!embeddedMotion) return photo;
  try {
    run.logger.info(
      { layout: embeddedMotion.layout, duration: embeddedMotion.probe.duration },
      'motion photo: clip found, kept as a still until motion renditions exist',
    );
    return still;
  } finally {
    await embeddedMotion.dispose();
  }
}
