import { Type } from '@sinclair/typebox';
import type { App } from '../../app/types.js';
import { errorResponses, Uuid, UserView } from '../../schemas/common.js';
import { userView } from '../../views/userView.js';

export async function meRoute(app: App): Promise<void> {
  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in',
        response: { 200: Type.Object({ user: UserView, session_id: Uuid }), ...errorResponses },
      },
    },
    async (request) => ({ user: userView(request.auth!.user!), session_id: request.auth!.sessionId }),
  );
}
