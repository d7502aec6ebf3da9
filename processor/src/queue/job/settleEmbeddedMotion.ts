import type { ContentKey } from '@keepsake/vault';
import type { ProcessedMedia } from '../../pipelines/ProcessedMedia.js';
import { sealMotion } from '../../pipelines/video/sealMotion.js';
import type { JobRun } from './jobRun.js';

/**
 * A motion photo's clip (`embeddedMotion`) becomes the item's motion, made and played like a
 * Live Photo's (sealMotion, into the same staging folder as the still). A clip that will not
 * convert leaves the photo a still, with the reason in the log: the still is the photo. Either
 * way the plaintext clip is removed before the job goes on; only an abort goes further.
 */
export async function settleEmbeddedMotion(
  run: JobRun,
  photo: ProcessedMedia,
  { outDir, storageKey }: { outDir: string; storageKey: ContentKey },
): Promise<ProcessedMedia> {
  const { embeddedMotion, ...still } = photo;
  if (!embeddedMotion) return photo;
  try {
    const { file: input, probe, layout } = embeddedMotion;
    const motion = await sealMotion({ input, probe, outDir, storageKey, signal: run.signal });
    run.logger.info({ layout, duration: probe.duration }, 'motion photo: its clip is the photo’s motion');
    return { ...still, files: { ...still.files, motion } };
  } catch (error) {
    if (run.signal.aborted) throw error;
    run.logger.warn(
      { err: error, layout: embeddedMotion.layout },
      'motion photo clip did not convert: kept as a still',
    );
    return still;
  } finally {
    await embeddedMotion.dispose();
  }
}
