import fs from 'node:fs/promises';
import path from 'node:path';
import { RAW_ORIGINAL_FILE, rawOriginalPath } from '@keepsake/contracts';
import { rawPairs, type Db, type Shot, jobQueue } from '@keepsake/database';
import { bindingFor, sealFile, type KeyStore } from '@keepsake/vault';
import { LeaseLostError } from '../publish/publishMedia.js';
import { createStaging, type Staging } from '../publish/staging.js';
import { ifGenerationsFree } from '../rotation/rotationLock.js';

export interface JoinRequest {
  db: Db;
  keyStore: KeyStore;
  assetsDir: string;
  keepOriginals: boolean;
  job: { id: number; workerId: string };
  shot: Shot;
  /** The RAW as read (a link's target) and as dropped. */
  input: string;
  name: string;
  mime: string;
  size: number;
  mediaId: string;
  /** Where the sealed RAW is written before it is renamed into the item's folder (removed with the job). */
  onStaging(staging: Staging): void;
}

/**
 * Keeps a RAW as the second original of its shot's JPEG item: sealed with the item's storage key
 * into the item's originals folder as raw.sealed, noted in its metadata, the pair marked and the
 * job completed in one transaction. All of it under the generations lock, so a key rotation never
 * copies that folder while the RAW is being added (it would leave the RAW behind in the old
 * generation); when the lock is taken the answer is 'busy' and the job asks again later.
 */
export async function joinJpegItem(request: JoinRequest): Promise<'joined' | 'busy'> {
  const done = await ifGenerationsFree(request.db, () => join(request));
  return done ? 'joined' : 'busy';
}

async function join(request: JoinRequest): Promise<true> {
  const { db, mediaId } = request;
  const item = await db
    .selectFrom('media_files')
    .select(['generation', 'original_path', 'storage_key_id'])
    .where('id', '=', mediaId)
    .executeTakeFirstOrThrow();
  const kept = request.keepOriginals && item.original_path && item.storage_key_id ? item.original_path : null;
  if (kept) await sealInto(request, rawOriginalPath(kept), item.storage_key_id!);
  await db.transaction().execute(async (trx) => {
    const raw = { name: request.name, mime: request.mime, size: request.size, file: kept ? RAW_ORIGINAL_FILE : null };
    const noted = await rawPairs.recordRawCompanion(trx, { mediaId, generation: item.generation }, raw);
    if (!noted) throw new Error(`the JPEG's item ${mediaId} changed while its RAW was added`);
    await rawPairs.setPair(trx, request.shot, { state: 'paired', rawJobId: request.job.id, mediaId });
    const owned = await jobQueue.completeJob(trx, {
      jobId: request.job.id,
      workerId: request.job.workerId,
      mediaId,
      stage: 'paired',
    });
    if (!owned) throw new LeaseLostError('the job was taken over by another worker before its RAW was kept');
  });
  return true;
}

async function sealInto(request: JoinRequest, relative: string, storageKeyId: string): Promise<void> {
  const key = await request.keyStore.get(storageKeyId);
  if (!key) throw new Error(`the storage key of item ${request.mediaId} is missing`);
  const staging = await createStaging(request.assetsDir, request.job.id);
  request.onStaging(staging);
  const sealed = path.join(staging.originalDir, RAW_ORIGINAL_FILE);
  await sealFile(request.input, sealed, key, { binding: bindingFor(request.mediaId, RAW_ORIGINAL_FILE) });
  // Same filesystem: the sealed RAW appears in the item's folder whole or not at all.
  await fs.rename(sealed, path.join(request.assetsDir, relative));
}
