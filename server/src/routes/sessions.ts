import { Type } from '@sinclair/typebox';
import type { App } from '../app/types.js';
import { ApiError } from '../errors/ApiError.js';
import { errorResponses, IdParams, NoContent, Timestamp, Uuid } from '../schemas/common.js';
import { endSessions, listLiveSessions } from '../sessions/sessionService.js';

const SessionView = Type.Object({
  id: Uuid,
  device_name: Type.String(),
  device_type: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  user_agent: Type.Union([Type.String(), Type.Null()]),
  last_activity_at: Timestamp,
  created_at: Timestamp,
  current: Type.Boolean(),
});

export async function sessionRoutes(app: App): Promise<void> {
  const deps = () => ({ db: app.db, live: app.liveSessions });

  app.get(
    '/api/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: "The signed-in user's devices",
        response: { 200: Type.Object({ sessions: Type.Array(SessionView) }), ...errorResponses },
      },
    },
    async (request) => {
      const { userId, sessionId } = request.auth!;
      const live = await listLiveSessions(deps(), userId);
      return {
        sessions: live.map((s) => ({
          id: s.id,
          device_name: s.device_name,
          device_type: s.device_type,
          ip: s.ip,
          user_agent: s.user_agent,
          last_activity_at: s.last_activity_at.toISOString(),
          created_at: s.created_at.toISOString(),
          current: s.id === sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/sessions/:id',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Sign out one of your devices',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { userId } = request.auth!;
      const mine = await listLiveSessions(deps(), userId);
      if (!mine.some((s) => s.id === request.params.id)) {
        throw new ApiError('SYSTEM_005', 'You have no signed-in device with that id.');
      }
      await endSessions(deps(), [request.params.id], 'signed out from another device');
      request.audit({ action: 'session.revoked', details: { session_id: request.params.id } });
      return reply.code(204).send(null);
    },
  );
}
