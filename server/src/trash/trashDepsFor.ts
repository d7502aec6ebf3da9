import type { FastifyRequest } from 'fastify';
import type { App } from '../app/types.js';
import type { TrashActor, TrashDeps } from './trashDeps.js';

/** The trash services' dependencies for one request: its audit (user, session, address filled in). */
export function trashDepsFor(app: App, request: FastifyRequest): { deps: TrashDeps; actor: TrashActor } {
  const { userId, role } = request.auth!;
  return {
    // Bearer routes always know the role; were it unknown, the narrower right applies.
    actor: { userId, role: role ?? 'member' },
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
