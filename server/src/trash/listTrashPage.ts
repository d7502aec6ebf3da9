import { trash, type TrashRow } from '@keepsake/database';
import { decodeCursor, encodeCursor } from '../paging/cursor.js';
import type { TrashActor, TrashDeps } from './trashDeps.js';

export interface TrashPageRequest {
  limit: number;
  cursor?: string;
  name?: string;
}

const isTimestampAndUuid = (values: unknown[]): values is [string, string] =>
  values.length === 2 &&
  typeof values[0] === 'string' &&
  typeof values[1] === 'string' &&
  /^[0-9a-f-]{36}$/.test(values[1]);

/** One page of the trash, most recently trashed first: everything for admins, their own uploads for members. */
export async function listTrashPage(
  { db }: Pick<TrashDeps, 'db'>,
  actor: TrashActor,
  page: TrashPageRequest,
): Promise<{ rows: TrashRow[]; nextCursor: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor, isTimestampAndUuid) : undefined;
  const rows = await trash.listTrash(db, {
    uploadedBy: actor.role === 'admin' ? undefined : (actor.userId ?? undefined),
    name: page.name,
    before: after && { at: after[0], id: after[1] },
    limit: page.limit + 1,
  });
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return { rows: shown, nextCursor: more && last ? encodeCursor([last.cursor_at, last.id]) : null };
}
