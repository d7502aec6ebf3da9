import { mediaItems, type MediaFile, type MediaStatus } from '@keepsake/database';
import { ApiError } from '../errors/ApiError.js';
import type { TrashActor, TrashDeps } from './trashDeps.js';

/** Admins may trash, restore and delete any item; members the items they uploaded through the web. */
export function mayManage(item: Pick<MediaFile, 'uploaded_by'>, actor: TrashActor): boolean {
  return actor.role === 'admin' || (actor.userId !== null && item.uploaded_by === actor.userId);
}

/**
 * The items named, all or nothing: an id that is not in one of the `accepted` states is 404
 * MEDIA_001 (`details.missing`), one the actor may not touch 403 TRASH_001 (`details.forbidden`),
 * before anything changes.
 */
export async function selectManagedItems(
  { db }: Pick<TrashDeps, 'db'>,
  actor: TrashActor,
  ids: readonly string[],
  accepted: readonly MediaStatus[],
): Promise<MediaFile[]> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  const found = new Map((await mediaItems.findMediaByIds(db, wanted)).map((item) => [item.id, item]));
  const missing = wanted.filter((id) => !accepted.includes(found.get(id)?.status ?? 'pending'));
  if (missing.length > 0) throw new ApiError('MEDIA_001', undefined, { missing });
  const items = wanted.map((id) => found.get(id)!);
  const forbidden = items.filter((item) => !mayManage(item, actor)).map((item) => item.id);
  if (forbidden.length > 0) throw new ApiError('TRASH_001', undefined, { forbidden });
  return items;
}
