import { Type } from '@sinclair/typebox';
import { MAX_TRASH_ITEMS } from '@keepsake/contracts';
import { Uuid } from '../../schemas/common.js';
import { TrashItem } from '../../views/trashItemView.js';

export const TrashIds = Type.Object(
  { ids: Type.Array(Uuid, { minItems: 1, maxItems: MAX_TRASH_ITEMS, uniqueItems: true }) },
  { additionalProperties: false },
);

export const TrashedAnswer = Type.Object({
  trashed: Type.Array(Uuid, { description: 'ids that moved (already there: left out)' }),
});
export const RestoredAnswer = Type.Object({ restored: Type.Array(Uuid, { description: 'ids back in the library' }) });
export const DeletedAnswer = Type.Object({
  deleted: Type.Array(Uuid, { description: 'ids whose keys are destroyed: gone for good' }),
  files_removed: Type.Boolean({
    description: "false: their (unreadable) files are left to the processor's next cleanup pass",
  }),
});

export const TrashQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const TrashPage = Type.Object({
  items: Type.Array(TrashItem),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
  trash_days: Type.Integer({ description: 'TRASH_DAYS: days an item stays before it is deleted for good' }),
});
