import { trash, type TrashRow } from '@keepsake/database';
import { isUuid } from '@keepsake/contracts';
import { decodeCursor, encodeCursor, isTimestampText } from '../paging/cursor.js';
import type { TrashActor, TrashDeps } from './trashDeps.js';

export interface TrashPageRequest {
  limit: number;
  cursor?: string;
  name?: string;
}

/** The last row's place in the trash's order: trashed at, sort date, id. */
const isTrashCursor = (values: unknown[]): values is [string, string, string] =>
  values.length === 3 &&
  isTimestampText(values[0]) &&
  isTimestampText(values[1]) &&
  typeof values[2] === 'string' &&
  isUuid(values[2]);

/** One page of the trash, most recently trashed first: everything for admins, their own uploads for members. */
export async function listTrashPage(
  { db }: Pick<TrashDeps, 'db'>,
  actor: TrashActor,
  page: TrashPageRequest,
): Promise<{ rows: TrashRow[]; nextCursor: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor, isTrashCursor) : undefined;
  const rows = await trash.listTrash(db, {
    uploadedBy: actor.role === 'admin' ? undefined : (actor.userId ?? undefined),
    name: page.name,
    before: after && { at: after[0], sortAt: after[1], id: after[2] },
    limit: page.limit + 1,
  });
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return { rows: shown, nextCursor: more && last ? encodeCursor([last.cursor_at, last.cursor_sort, last.id]) : null };
}
