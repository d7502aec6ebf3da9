import type { App } from '../../app/types.js';
import { errorResponses } from '../../schemas/common.js';
import { deleteForever } from '../../trash/deleteForever.js';
import { moveToTrash } from '../../trash/moveToTrash.js';
import { restoreFromTrash } from '../../trash/restoreFromTrash.js';
import { trashDepsFor } from '../../trash/trashDepsFor.js';
import { DeletedAnswer, RestoredAnswer, TrashedAnswer, TrashIds } from './trashSchemas.js';

const who =
  'Admins any item, members only the items they uploaded (else 403 TRASH_001 with details.forbidden; nothing changes).';

/** Move to trash, restore, delete forever: each all or nothing, each item audited. */
export function trashActionRoutes(app: App): void {
  app.post(
    '/api/media/trash',
    {
      schema: {
        tags: ['trash'],
        summary: 'Move items to the trash: they leave the library and their URLs answer 404 at once',
        description: `${who} Ids not in the library: 404 MEDIA_001 with details.missing.`,
        body: TrashIds,
        response: { 200: TrashedAnswer, ...errorResponses },
      },
    },
    async (request) => {
      const { deps, actor } = trashDepsFor(app, request);
      return { trashed: await moveToTrash(deps, actor, request.body.ids) };
    },
  );

  app.post(
    '/api/trash/restore',
    {
      schema: {
        tags: ['trash'],
        summary: 'Restore items from the trash into the library, as they were',
        description: `${who} Ids neither in the trash nor the library: 404 MEDIA_001.`,
        body: TrashIds,
        response: { 200: RestoredAnswer, ...errorResponses },
      },
    },
    async (request) => {
      const { deps, actor } = trashDepsFor(app, request);
      return { restored: await restoreFromTrash(deps, actor, request.body.ids) };
    },
  );

  app.post(
    '/api/trash/delete',
    {
      schema: {
        tags: ['trash'],
        summary: 'Delete items in the trash forever: their keys are destroyed first, then their files',
        description: `${who} Items not in the trash: 409 SYSTEM_006 with details.not_in_trash; unknown ids 404 MEDIA_001.`,
        body: TrashIds,
        response: { 200: DeletedAnswer, ...errorResponses },
      },
    },
    async (request) => {
      const { deps, actor } = trashDepsFor(app, request);
      const outcome = await deleteForever(deps, actor, request.body.ids);
      return { deleted: outcome.deleted.map((item) => item.id), files_removed: outcome.filesRemoved };
    },
  );
}
