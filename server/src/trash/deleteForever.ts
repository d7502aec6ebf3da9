import { deletedAuditDetails, eraseMedia, removeErasedFilesWhenFree, type ErasedItem } from '@keepsake/vault';
import { ApiError } from '../errors/ApiError.js';
import { selectManagedItems } from './selectManagedItems.js';
import type { TrashActor, TrashDeps } from './trashDeps.js';

export interface DeleteOutcome {
  deleted: ErasedItem[];
  /** False when the folders are left to the processor's cleanup (a rotation holds them, or ASSETS_DIR is read-only here). */
  filesRemoved: boolean;
}

/**
 * Delete forever, for items in the trash: each item's keys are destroyed first (one transaction
 * per item, see eraseMedia), which alone makes every copy of its files unreadable; then its
 * folders are removed. In the compose setup the server mounts ASSETS_DIR read-only, so the
 * processor's next cleanup pass removes them; a crash in between leaves the same work to it.
 */
export async function deleteForever(
  deps: TrashDeps,
  actor: TrashActor,
  ids: readonly string[],
): Promise<DeleteOutcome> {
  const items = await selectManagedItems(deps, actor, ids, ['trashed', 'completed']);
  const notInTrash = items.filter((item) => item.status !== 'trashed').map((item) => item.id);
  if (notInTrash.length > 0) {
    throw new ApiError('SYSTEM_006', 'Only items in the trash can be deleted forever.', { not_in_trash: notInTrash });
  }
  const deleted: ErasedItem[] = [];
  for (const item of items) {
    const erased = await eraseMedia(deps.db, deps.keyStore, item.id);
    if (erased) deleted.push(erased);
  }
  await deps.audit(
    deleted.map((item) => ({ action: 'media.delete', details: deletedAuditDetails(item, 'deleted forever') })),
  );
  return { deleted, filesRemoved: await removeFolders(deps) };
}

async function removeFolders(deps: TrashDeps): Promise<boolean> {
  try {
    return (await removeErasedFilesWhenFree(deps.db, deps.assetsDir)) !== undefined;
  } catch (error) {
    // Unreadable already (no keys); the processor, which may write ASSETS_DIR, finishes the job.
    deps.warn({ err: (error as Error).message }, "erased items' files left to the processor's cleanup");
    return false;
  }
}
