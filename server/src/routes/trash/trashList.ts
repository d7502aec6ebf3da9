import type { App } from '../../app/types.js';
import { errorResponses } from '../../schemas/common.js';
import { listTrashPage } from '../../trash/listTrashPage.js';
import { trashItemView } from '../../views/trashItemView.js';
import { trashDepsFor } from '../../trash/trashDepsFor.js';
import { TrashPage, TrashQuery } from './trashSchemas.js';

export function trashListRoutes(app: App): void {
  app.get(
    '/api/trash',
    {
      schema: {
        tags: ['trash'],
        summary: 'What is in the trash, most recently trashed first (members: the items they uploaded)',
        querystring: TrashQuery,
        response: { 200: TrashPage, ...errorResponses },
      },
    },
    async (request) => {
      const { actor } = trashDepsFor(app, request);
      const { rows, nextCursor } = await listTrashPage(app, actor, request.query);
      return {
        items: rows.map((row) => trashItemView(row, app.config.trashDays)),
        next_cursor: nextCursor,
        trash_days: app.config.trashDays,
      };
    },
  );
}
