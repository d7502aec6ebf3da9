import { Type } from '@sinclair/typebox';
import type { App } from '../app/types.js';
import { ApiError } from '../errors/ApiError.js';
import { errorResponses, IdParams, Timestamp, Uuid } from '../schemas/common.js';
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
  ip_address: Type.Union([Type.String(), Type.Null()], { description: "the design document's name for ip" }),
  last_activity: Timestamp,
  is_current: Type.Boolean(),
});

const Terminated = Type.Object({ message: Type.String() });

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
        sessions: live.map((s) => {
          const lastActivity = s.last_activity_at.toISOString();
          const current = s.id === sessionId;
          return {
            id: s.id,
            device_name: s.device_name,
            device_type: s.device_type,
            ip: s.ip,
            user_agent: s.user_agent,
            last_activity_at: lastActivity,
            created_at: s.created_at.toISOString(),
            current,
            // The design document's names for the same facts.
            ip_address: s.ip,
            last_activity: lastActivity,
            is_current: current,
          };
        }),
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
        response: { 200: Terminated, ...errorResponses },
      },
    },
    async (request) => {
      const { userId } = request.auth!;
      const mine = await listLiveSessions(deps(), userId);
      if (!mine.some((s) => s.id === request.params.id)) {
        throw new ApiError('SYSTEM_005', 'You have no signed-in device with that id.');
      }
      await endSessions(deps(), [request.params.id], 'signed out from another device');
      request.audit({ action: 'session.revoked', details: { session_id: request.params.id } });
      return { message: 'Session terminated successfully' };
    },
  );
}
