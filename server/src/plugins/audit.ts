import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AuditLog, type AuditEntry } from '../audit/AuditLog.js';

type RequestAuditEntry = Omit<AuditEntry, 'clientIp' | 'viaVpn'>;

declare module 'fastify' {
  interface FastifyInstance {
    auditLog: AuditLog;
  }
  interface FastifyRequest {
    /** Records an audit entry with this request's client address, user and session filled in. */
    audit(entry: RequestAuditEntry): void;
  }
}

export const auditPlugin = fp(
  async (app: FastifyInstance) => {
    const auditLog = new AuditLog(app.db, app.log);
    app.decorate('auditLog', auditLog);
    app.decorateRequest('audit', function (this: FastifyRequest, entry: RequestAuditEntry) {
      auditLog.record({
        userId: this.auth?.userId ?? null,
        sessionId: this.auth?.sessionId ?? null,
        clientIp: this.clientIp || null,
        viaVpn: this.viaVpn,
        ...entry,
      });
    });
    // Runs after the server stopped taking requests: whatever is buffered is written before the pool closes.
    app.addHook('onClose', () => auditLog.close());
  },
  { name: 'audit', dependencies: ['dependencies'] },
);
