import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AuditLog, type AuditEntry } from '../audit/AuditLog.js';
import { HourlyViews } from '../audit/HourlyViews.js';

type RequestAuditEntry = Omit<AuditEntry, 'clientIp' | 'viaVpn' | 'userAgent' | 'responseMs'>;

declare module 'fastify' {
  interface FastifyInstance {
    auditLog: AuditLog;
  }
  interface FastifyRequest {
    /** Records an audit entry with this request's client address, user agent, user and session filled in. */
    audit(entry: RequestAuditEntry): void;
    /**
     * Records an entry once the response has gone out, with its status, time taken and bytes
     * (Content-Length, else `bytes` as given): for media deliveries, which the design document
     * wants measured.
     */
    auditDelivery(entry: RequestAuditEntry): void;
    /** auditDelivery, but at most once per item, session and hour (full photos, segments). */
    auditView(mediaId: string, details: Record<string, unknown>, bytes?: number): Promise<void>;
    pendingAudit: RequestAuditEntry[] | null;
  }
}

const maxUserAgent = 512;

function contentLength(reply: FastifyReply): number | null {
  const length = Number(reply.getHeader('content-length'));
  return Number.isFinite(length) && length >= 0 ? length : null;
}

export const auditPlugin = fp(
  async (app: FastifyInstance) => {
    const auditLog = new AuditLog(app.db, app.log);
    const views = new HourlyViews(app.redis);
    app.decorate('auditLog', auditLog);
    app.decorateRequest('pendingAudit', null);

    function record(request: FastifyRequest, entry: RequestAuditEntry, measured: Partial<AuditEntry> = {}) {
      auditLog.record({
        userId: request.auth?.userId ?? null,
        sessionId: request.auth?.sessionId ?? null,
        clientIp: request.clientIp || null,
        viaVpn: request.viaVpn,
        userAgent: request.headers['user-agent']?.slice(0, maxUserAgent) ?? null,
        ...entry,
        ...measured,
      });
    }

    app.decorateRequest('audit', function (this: FastifyRequest, entry: RequestAuditEntry) {
      record(this, entry);
    });
    app.decorateRequest('auditDelivery', function (this: FastifyRequest, entry: RequestAuditEntry) {
      (this.pendingAudit ??= []).push(entry);
    });
    app.decorateRequest(
      'auditView',
      async function (this: FastifyRequest, mediaId: string, details: Record<string, unknown>, bytes?: number) {
        const sessionId = this.auth?.sessionId;
        if (sessionId && (await views.firstThisHour(sessionId, mediaId))) {
          this.auditDelivery({ action: 'media.view', mediaId, details, bytes });
        }
      },
    );

    // Synchronous, so the entry is recorded before anyone waiting on the response goes on.
    app.addHook('onResponse', (request, reply, done) => {
      for (const entry of request.pendingAudit ?? []) {
        record(request, entry, {
          status: entry.status ?? reply.statusCode,
          responseMs: Math.round(reply.elapsedTime),
          bytes: entry.bytes ?? contentLength(reply),
        });
      }
      done();
    });
    // Runs after the server stopped taking requests: whatever is buffered is written before the pool closes.
    app.addHook('onClose', () => auditLog.close());
  },
  { name: 'audit', dependencies: ['dependencies'] },
);
