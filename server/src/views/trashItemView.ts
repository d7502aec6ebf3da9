import { Type, type Static } from '@sinclair/typebox';
import type { MediaFile } from '@keepsake/database';
import { NullableTimestamp, Timestamp, Uuid } from '../schemas/common.js';

/**
 * An item in the trash: what it was and when it goes for good. No media URLs: a trashed item's
 * pictures and streams answer 404 like a deleted one's (the Trash page asks
 * `/api/trash/:id/thumbnail` with its Bearer token instead).
 */
export const TrashItem = Type.Object({
  id: Uuid,
  type: Type.Union([Type.Literal('image'), Type.Literal('video'), Type.Null()]),
  original_name: Type.String(),
  size: Type.Number(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  duration: Type.Union([Type.Number(), Type.Null()]),
  taken_at: NullableTimestamp,
  created_at: Timestamp,
  uploaded_by: Type.Union([Uuid, Type.Null()]),
  trashed_at: Timestamp,
  trashed_by: Type.Union([Uuid, Type.Null()]),
  delete_after: Timestamp,
});
export type TrashItem = Static<typeof TrashItem>;

export function trashItemView(item: MediaFile, trashDays: number): TrashItem {
  const trashedAt = item.trashed_at ?? new Date();
  return {
    id: item.id,
    type: item.type,
    original_name: item.original_name,
    size: Number(item.size),
    width: item.width,
    height: item.height,
    duration: item.duration,
    taken_at: item.taken_at?.toISOString() ?? null,
    created_at: item.created_at.toISOString(),
    uploaded_by: item.uploaded_by,
    trashed_at: trashedAt.toISOString(),
    trashed_by: item.trashed_by,
    delete_after: new Date(trashedAt.getTime() + trashDays * 86_400_000).toISOString(),
  };
}
