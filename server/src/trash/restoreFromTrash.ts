import { trash } from '@keepsake/database';
import { selectManagedItems } from './selectManagedItems.js';
import type { TrashActor, TrashDeps } from './trashDeps.js';

/** Back into the library as they were, URLs working again. Already there: no change. Returns the ids restored. */
export async function restoreFromTrash(deps: TrashDeps, actor: TrashActor, ids: readonly string[]): Promise<string[]> {
  const items = await selectManagedItems(deps, actor, ids, ['trashed', 'completed']);
  const restored = await trash.restoreFromTrash(
    deps.db,
    items.map((item) => item.id),
  );
  const names = new Map(items.map((item) => [item.id, item.original_name]));
  await deps.audit(restored.map((id) => ({ action: 'media.restore', mediaId: id, details: { name: names.get(id) } })));
  return restored;
}
