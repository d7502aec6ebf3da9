import { Type } from '@sinclair/typebox';
import { keyRotation, rotation } from '@keepsake/database';
import { keyRotationStatus } from '../../keyRotation/keyRotationStatus.js';
import type { App } from '../../app/types.js';
import { listProcessorHeartbeats } from '../../health/processorHeartbeats.js';
import { errorResponses, NullableTimestamp } from '../../schemas/common.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export async function adminStatusRoutes(app: App): Promise<void> {
  app.get(
    '/api/admin/status',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Allowlist self-check, processor heartbeats, key rotation',
        response: {
          200: Type.Object({
            allowlist: Type.Object({
              seen: Type.Integer(),
              sees_real_clients: Type.Boolean(),
              warning: NullableString,
              recent: Type.Array(Type.String()),
            }),
            processor: Type.Object({
              alive: Type.Boolean(),
              workers: Type.Array(
                Type.Object({
                  worker_id: Type.String(),
                  host: NullableString,
                  pid: Type.Union([Type.Integer(), Type.Null()]),
                  started_at: NullableString,
                  at: NullableString,
                }),
              ),
            }),
            key_rotation: Type.Object({
              last_run: NullableTimestamp,
              next_due: NullableTimestamp,
              overdue: Type.Boolean(),
              latest: Type.Union([
                Type.Object({
                  status: Type.String(),
                  started_at: Type.String(),
                  items_done: Type.Integer(),
                  items_total: Type.Integer(),
                  items_failed: Type.Integer(),
                }),
                Type.Null(),
              ]),
              active_keys: Type.Integer(),
            }),
            warnings: Type.Array(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const [workers, lastCompleted, latest, keys] = await Promise.all([
        listProcessorHeartbeats(app.redis),
        rotation.lastCompletedRun(app.db),
        rotation.latestRun(app.db),
        keyRotation.keysInUse(app.db),
      ]);
      const allowlist = app.clientSightings.report();
      const rotationStatus = keyRotationStatus({ lastCompleted, latest, keys });
      const warnings = [
        ...(allowlist.warning ? [allowlist.warning] : []),
        ...(workers.length === 0 ? ['No processor is running: new files are not being processed.'] : []),
        ...(rotationStatus.overdue
          ? [`Key rotation is overdue (due ${rotationStatus.next_due}); check the monthly cron.`]
          : []),
      ];
      return { allowlist, processor: { alive: workers.length > 0, workers }, key_rotation: rotationStatus, warnings };
    },
  );
}
