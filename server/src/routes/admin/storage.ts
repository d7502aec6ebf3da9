import fs from 'node:fs/promises';
import { Type } from '@sinclair/typebox';
import { storageUsage } from '@keepsake/database';
import { AssetUsage } from '../../storage/AssetUsage.js';
import type { App } from '../../app/types.js';
import { errorResponses, Timestamp } from '../../schemas/common.js';

const Tally = Type.Object({
  type: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  count: Type.Integer(),
  original_bytes: Type.Number(),
});

export async function adminStorageRoutes(app: App): Promise<void> {
  const usage = new AssetUsage(app.config.assetsDir);

  app.get(
    '/api/admin/storage',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Items by type and status, bytes under ASSETS_DIR, and free disk space',
        response: {
          200: Type.Object({
            media: Type.Array(Tally),
            assets: Type.Object({
              total_bytes: Type.Number(),
              by_folder: Type.Record(Type.String(), Type.Number()),
              files: Type.Integer(),
              measured_at: Timestamp,
            }),
            disk: Type.Union([Type.Object({ total_bytes: Type.Number(), free_bytes: Type.Number() }), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const [tallies, assets, disk] = await Promise.all([
        storageUsage.tallyMedia(app.db),
        usage.report(),
        fs.statfs(app.config.assetsDir).catch(() => null),
      ]);
      return {
        media: tallies.map((t) => ({
          type: t.type,
          status: t.status,
          count: t.count,
          original_bytes: t.originalBytes,
        })),
        assets,
        disk: disk ? { total_bytes: disk.blocks * disk.bsize, free_bytes: disk.bavail * disk.bsize } : null,
      };
    },
  );
}
