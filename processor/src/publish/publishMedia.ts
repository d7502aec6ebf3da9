import fs from 'node:fs/promises';
import path from 'node:path';
import { type Db, jobQueue, mediaIngest, mediaSubtitles } from '@keepsake/database';
import type { ProcessedMedia } from '../pipelines/ProcessedMedia.js';
import { assetDirFor, originalDirFor } from './assetPaths.js';
import { renditionPaths } from './renditionPaths.js';
import type { Staging } from './staging.js';

export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

export interface PublishRequest {
  db: Db;
  assetsDir: string;
  staging: Staging;
  processed: ProcessedMedia;
  mediaId: string;
  generation: number;
  storageKeyId: string;
  keepOriginal: boolean;
  jobId: number;
  workerId: string;
}

async function renameInto(from: string, to: string): Promise<void> {
  // A crash between rename and commit leaves an unreferenced folder: replace it.
  await fs.rm(to, { recursive: true, force: true });
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.rename(from, to);
}

/**
 * Renames the staged outputs into place, then marks item and job completed in one
 * transaction. Until that commit the gallery shows nothing of the item; the caller removes the
 * original from imports/ only after it.
 */
export async function publishMedia(request: PublishRequest): Promise<void> {
  const { processed, mediaId, generation, assetsDir, staging } = request;
  const assetDir = assetDirFor(processed.type, mediaId, generation);
  await renameInto(staging.outDir, path.join(assetsDir, assetDir));
  const originalDir = originalDirFor(mediaId, generation);
  if (request.keepOriginal) await renameInto(staging.originalDir, path.join(assetsDir, originalDir));
  const paths = renditionPaths(processed, { assetDir, originalDir: request.keepOriginal ? originalDir : null });
  await request.db.transaction().execute(async (trx) => {
    const owned = await jobQueue.completeJob(trx, { jobId: request.jobId, workerId: request.workerId, mediaId });
    if (!owned) throw new LeaseLostError('the job was taken over by another worker before it was published');
    await mediaIngest.completeMedia(trx, {
      mediaId,
      type: processed.type,
      mime: processed.mime,
      width: processed.width,
      height: processed.height,
      duration: processed.duration,
      takenAt: processed.takenAt,
      metadata: processed.metadata,
      assetDir,
      paths,
      variants: processed.variants ?? [],
      hlsKeyId: processed.hlsKeyId ?? null,
      storageKeyId: request.storageKeyId,
    });
    for (const track of processed.subtitles ?? []) await mediaSubtitles.saveTrack(trx, { ...track, mediaId });
  });
}
