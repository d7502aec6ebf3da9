import fs from 'node:fs/promises';
import path from 'node:path';
import { companionOriginalPath, MOTION_ORIGINAL_FILE, renditions } from '@keepsake/contracts';
import { livePairs, type Db, type MotionSource } from '@keepsake/database';
import { bindingFor, sealFile, type KeyStore } from '@keepsake/vault';
import type { VideoProbe } from '../detect/probeVideo.js';
import { sealMotion } from '../pipelines/video/sealMotion.js';
import { createStaging, type Staging } from '../publish/staging.js';
import { ifGenerationsFree } from '../rotation/rotationLock.js';

export interface MotionRequest {
  db: Db;
  keyStore: KeyStore;
  assetsDir: string;
  /** The photo item that gets the motion. */
  mediaId: string;
  /** The video the motion is made from (a Live Photo's MOV, or a clip taken out of a motion photo), as probed. */
  video: { input: string; probe: VideoProbe };
  /** The video kept sealed as the item's second original (KEEP_ORIGINALS); null: not kept (an extracted clip). */
  keepAs: { name: string; mime: string; size: number } | null;
  contentIdentifier: string | null;
  /** Staging is named for this job and removed with it. */
  jobId: number;
  onStaging(staging: Staging): void;
  /** Runs in the transaction that gives the item its motion (the MOV's job completed as `paired`). */
  commit(trx: Db): Promise<void>;
  signal?: AbortSignal;
}

/**
 * Gives a published photo item motion made from `video` (sealMotion, with the item's storage key,
 * into the item's current folder as motion.mp4.sealed), keeps the video itself as `motion.sealed`
 * beside the item's original when asked, and records both on the item (motion_path,
 * metadata.live) in one transaction with `commit`. The making, sealing, renames and commit run
 * under the generations lock (a clip of seconds takes about one), so a key rotation never copies
 * the folder half-way ('busy': ask again later); rotation then re-seals them like every sealed
 * file of the folder.
 */
export async function attachMotion(request: MotionRequest): Promise<'attached' | 'busy'> {
  const done = await ifGenerationsFree(request.db, () => attach(request));
  return done ? 'attached' : 'busy';
}

async function attach(request: MotionRequest): Promise<true> {
  const { db, mediaId } = request;
  const item = await db
    .selectFrom('media_files')
    .select(['generation', 'asset_dir', 'original_path', 'storage_key_id'])
    .where('id', '=', mediaId)
    .executeTakeFirstOrThrow();
  if (!item.asset_dir || !item.storage_key_id) throw new Error(`the photo item ${mediaId} is not published`);
  const key = await request.keyStore.get(item.storage_key_id);
  if (!key) throw new Error(`the storage key of item ${mediaId} is missing`);
  const staging = await createStaging(request.assetsDir, request.jobId);
  request.onStaging(staging);

  const motionPath = `${item.asset_dir}/${renditions.motion.file}`;
  const originalPath =
    request.keepAs && item.original_path ? companionOriginalPath(item.original_path, MOTION_ORIGINAL_FILE) : null;
  const { input, probe } = request.video;
  await sealMotion({ input, probe, outDir: staging.outDir, storageKey: key, signal: request.signal });
  const inputSize = (await fs.stat(input)).size;
  if (originalPath) {
    const sealed = path.join(staging.originalDir, MOTION_ORIGINAL_FILE);
    await sealFile(request.video.input, sealed, key, { binding: bindingFor(mediaId, MOTION_ORIGINAL_FILE) });
  }
  // Same filesystem: each file appears in the item's folder whole or not at all.
  const placed: string[] = [];
  const place = async (from: string, relative: string) => {
    await fs.rename(from, path.join(request.assetsDir, relative));
    placed.push(relative);
  };
  try {
    await place(path.join(staging.outDir, renditions.motion.file), motionPath);
    if (originalPath) await place(path.join(staging.originalDir, MOTION_ORIGINAL_FILE), originalPath);
    await db.transaction().execute(async (trx) => {
      const source: MotionSource = {
        name: request.keepAs?.name ?? null,
        mime: request.keepAs?.mime ?? null,
        size: request.keepAs?.size ?? inputSize,
        file: originalPath ? MOTION_ORIGINAL_FILE : null,
        contentIdentifier: request.contentIdentifier,
      };
      const noted = await livePairs.recordMotion(trx, { mediaId, generation: item.generation, motionPath }, source);
      if (!noted) throw new Error(`the photo item ${mediaId} changed (or got motion) while its motion was added`);
      await request.commit(trx);
    });
  } catch (error) {
    await Promise.all(placed.map((relative) => fs.rm(path.join(request.assetsDir, relative), { force: true })));
    throw error;
  }
  return true;
}
