import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/AuthContext.js';
import type { App } from '../app/types.js';
import type { TrashActor, TrashDeps } from './trashDeps.js';

/** Who acts on the trash: Bearer routes always know the role; were it unknown, the narrower right applies. */
export const trashActorOf = ({ userId, role }: Pick<AuthContext, 'userId' | 'role'>): TrashActor => ({
  userId,
  role: role ?? 'member',
});

/** The trash services' dependencies for one request: its audit (user, session, address filled in). */
export function trashDepsFor(app: App, request: FastifyRequest): { deps: TrashDeps; actor: TrashActor } {
  return {
    actor: trashActorOf(request.auth!),
    deps: {
      db: app.db,
      keyStore: app.keyStore,
      assetsDir: app.config.assetsDir,
      trashDays: app.config.trashDays,
      audit: (entries) => entries.forEach((entry) => request.audit(entry)),
      warn: (details, message) => request.log.warn(details, message),
    },
  };
}
