import fs from 'node:fs/promises';
import path from 'node:path';
import { subtitleFileName, subtitleLabel } from '@keepsake/contracts';
import { ifGenerationsFree, mediaSubtitles, type Db, jobQueue } from '@keepsake/database';
import { bindingFor, sealBuffer, type KeyStore } from '@keepsake/vault';
import { LeaseLostError } from '../publish/publishMedia.js';
import { createStaging, type Staging } from '../publish/staging.js';
import type { Cue } from './parseSubtitles.js';
import type { SidecarName } from './sidecarName.js';
import { streamStartPts } from './streamStartPts.js';
import { writeWebVtt } from './writeWebVtt.js';

export interface AttachRequest {
  db: Db;
  keyStore: KeyStore;
  assetsDir: string;
  job: { id: number; workerId: string };
  mediaId: string;
  name: SidecarName;
  cues: Cue[];
  onStaging(staging: Staging): void;
}

/** The stage a sidecar's job completes with: its cues live on as a track of another item. */
export const ATTACHED_STAGE = 'subtitles';

/**
 * Adds a sidecar's cues to a published video as a new track (or its earlier track, dropped
 * again): sealed with the item's storage key into its generation folder, the row and the job
 * committed together. Under the generations lock, so no key rotation copies the folder meanwhile
 * (the track would stay behind in the old generation); 'busy' when a rotation holds it.
 */
export async function attachSidecar(request: AttachRequest): Promise<'attached' | 'busy'> {
  const done = await ifGenerationsFree(request.db, () => attach(request));
  return done ? 'attached' : 'busy';
}

async function attach(request: AttachRequest): Promise<true> {
  const { db, keyStore, mediaId, name } = request;
  const item = await db
    .selectFrom('media_files')
    .select(['asset_dir', 'storage_key_id', 'variants', 'status', 'type'])
    .where('id', '=', mediaId)
    .executeTakeFirstOrThrow();
  const first = item.variants[0];
  if (item.type !== 'video' || !item.asset_dir || !item.storage_key_id || !first) {
    throw new Error(`item ${mediaId} is not a published video`);
  }
  const storageKey = await keyStore.get(item.storage_key_id);
  if (!storageKey) throw new Error(`the storage key of item ${mediaId} is missing`);
  const assetDir = path.join(request.assetsDir, item.asset_dir);
  const startPts = await streamStartPts(assetDir, first.playlist, async (id) => (await keyStore.get(id))?.key ?? null);
  const source = { source: 'sidecar' as const, sourceName: name.fileName };
  const track = await mediaSubtitles.trackNumberFor(db, mediaId, source);
  const file = subtitleFileName(track);

  const staging = await createStaging(request.assetsDir, request.job.id);
  request.onStaging(staging);
  const sealed = await sealBuffer(Buffer.from(writeWebVtt(request.cues, startPts)), storageKey, {
    binding: bindingFor(mediaId, file),
  });
  const staged = path.join(staging.outDir, file);
  await fs.writeFile(staged, sealed, { mode: 0o600 });
  // Same filesystem: the track appears in the item's folder whole or not at all.
  await fs.rename(staged, path.join(assetDir, file));
  await db.transaction().execute(async (trx) => {
    await mediaSubtitles.saveTrack(trx, {
      mediaId,
      track,
      language: name.language,
      label: subtitleLabel(name.language, track),
      forced: name.forced,
      ...source,
      file,
    });
    const owned = await jobQueue.completeJob(trx, {
      jobId: request.job.id,
      workerId: request.job.workerId,
      mediaId,
      stage: ATTACHED_STAGE,
    });
    if (!owned) throw new LeaseLostError('the job was taken over by another worker before its subtitles were kept');
  });
  return true;
}
