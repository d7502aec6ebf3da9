import fs from 'node:fs/promises';
import path from 'node:path';
import { jobQueue, mediaIngest } from '@keepsake/database';
import type { ProcessingError } from '../../errors/ProcessingError.js';
import { assetDirFor, originalDirFor } from '../../publish/assetPaths.js';
import { moveToFailed } from '../../failures/moveToFailed.js';
import type { JobRun } from './jobRun.js';

/** The file goes to imports/failed/ with its note, the row and the item say why. */
export async function failForGood(run: JobRun, failure: ProcessingError): Promise<void> {
  const { config, db, workerId } = run.ctx;
  const { job, jobId, mediaId, generation, logger } = run;
  let failedPath: string | null = null;
  try {
    failedPath = await moveToFailed(config.importsDir, run.relativePath, {
      code: failure.code,
      message: failure.message,
      attempts: job.attempts,
    });
  } catch (error) {
    logger.error({ err: (error as Error).message }, 'could not move the file to failed/');
  }
  await jobQueue.failJob(db, {
    jobId,
    workerId,
    error: failure.message,
    errorCode: failure.code,
    failedPath,
    mediaId,
  });
  if (mediaId) {
    const notInGallery = await mediaIngest.failMedia(db, {
      mediaId,
      error: failure.message,
      errorCode: failure.code,
    });
    // Anything a crashed attempt renamed into place before its commit is not part of any item.
    if (notInGallery) {
      for (const dir of ['image', 'video'] as const) {
        await fs.rm(path.join(config.assetsDir, assetDirFor(dir, mediaId, generation)), {
          recursive: true,
          force: true,
        });
      }
      await fs.rm(path.join(config.assetsDir, originalDirFor(mediaId, generation)), {
        recursive: true,
        force: true,
      });
    }
  }
  logger.error({ stage: 'failed', code: failure.code, err: failure.message, failedPath }, 'failed for good');
}
