import type { MediaFile } from '@keepsake/database';
import { publishMedia } from '../../publish/publishMedia.js';
import type { Converted } from './convertMedia.js';
import type { JobRun } from './jobRun.js';

/** Renames the staged outputs into place and commits item and job together. */
export async function publishConverted(
  run: JobRun,
  converted: Converted,
  item: Pick<MediaFile, 'id' | 'generation'>,
): Promise<void> {
  const { config, db, workerId } = run.ctx;
  run.stage('publishing', 96);
  await publishMedia({
    db,
    assetsDir: config.assetsDir,
    staging: converted.staging,
    processed: converted.processed,
    mediaId: item.id,
    generation: item.generation,
    storageKeyId: converted.storageKey.id,
    keepOriginal: config.keepOriginals,
    jobId: run.jobId,
    workerId,
  });
}
