import { Type } from '@sinclair/typebox';
import type { App } from '../app/types.js';
import { ApiError } from '../errors/ApiError.js';
import { checkReadiness } from '../health/readiness.js';
import { errorResponses } from '../schemas/common.js';

const Check = Type.Object({ ok: Type.Boolean(), message: Type.String() });

export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/health/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Readiness: PostgreSQL, Redis, assets, processor heartbeat, master key (503 SYSTEM_007 if not)',
        response: {
          200: Type.Object({
            status: Type.Literal('ready'),
            checks: Type.Record(Type.String(), Check),
            warnings: Type.Array(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const readiness = await checkReadiness({
        db: app.db,
        redis: app.redis,
        assetsDir: app.config.assetsDir,
        keyStore: app.keyStore,
        sightings: app.clientSightings,
      });
      const { checks, warnings } = readiness;
      if (!readiness.ready) {
        const failing = Object.values(checks)
          .filter((c) => !c.ok)
          .map((c) => c.message);
        throw new ApiError('SYSTEM_007', `Not ready: ${failing.join('; ')}`, { checks, warnings });
      }
      return { status: 'ready' as const, checks, warnings };
    },
  );
}
