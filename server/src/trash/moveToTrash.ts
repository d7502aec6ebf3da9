import { trash } from '@keepsake/database';
import { selectManagedItems } from './selectManagedItems.js';
import type { TrashActor, TrashDeps } from './trashDeps.js';

/**
 * Items leave the library at once: every view and media URL asks for `completed`, so from the
 * commit on they are gone everywhere, URLs already handed out included. Already trashed: no
 * change. Returns the ids that moved.
 */
export async function moveToTrash(deps: TrashDeps, actor: TrashActor, ids: readonly string[]): Promise<string[]> {
  const items = await selectManagedItems(deps, actor, ids, ['completed', 'trashed']);
  const moved = await trash.moveToTrash(
    deps.db,
    items.map((item) => item.id),
    actor.userId,
  );
  const names = new Map(items.map((item) => [item.id, item.original_name]));
  await deps.audit(
    moved.map((id) => ({
      action: 'media.trash',
      mediaId: id,
      details: { name: names.get(id), trash_days: deps.trashDays },
    })),
  );
  return moved;
}
