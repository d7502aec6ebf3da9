import type { FastifyBaseLogger } from 'fastify';
import { accessLogs, type Db, type NewAccessLog } from '@keepsake/database';
import { isDependencyFailure } from '../errors/isDependencyFailure.js';
import type { AuditAction } from './auditActions.js';

export interface AuditEntry {
  action: AuditAction;
  userId?: string | null;
  sessionId?: string | null;
  mediaId?: string | null;
  clientIp?: string | null;
  viaVpn?: boolean;
  status?: number | null;
  bytes?: number | null;
  responseMs?: number | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditLogOptions {
  intervalMs?: number;
  batchSize?: number;
  /** While the database is away, at most this many entries wait; the oldest go first. */
  maxBuffered?: number;
}

function toRow(entry: AuditEntry, at: Date): NewAccessLog {
  return {
    action: entry.action,
    user_id: entry.userId ?? null,
    session_id: entry.sessionId ?? null,
    media_id: entry.mediaId ?? null,
    client_ip: entry.clientIp ?? null,
    via_vpn: entry.viaVpn ?? false,
    status: entry.status ?? null,
    bytes: entry.bytes ?? null,
    response_ms: entry.responseMs ?? null,
    user_agent: entry.userAgent ?? null,
    details: JSON.stringify(entry.details ?? {}),
    created_at: at,
  };
}

/**
 * The audit log, written in batches (every `intervalMs` or `batchSize` entries) so a
 * request never waits on an INSERT. `close()` writes what is left: nothing recorded
 * before a graceful shutdown is lost.
 */
export class AuditLog {
  private buffer: NewAccessLog[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly batchSize: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    options: AuditLogOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.timer = setInterval(() => void this.flush(), options.intervalMs ?? 500);
    this.timer.unref();
  }

  record(entry: AuditEntry): void {
    this.buffer.push(toRow(entry, new Date()));
    if (this.buffer.length > this.maxBuffered) {
      const dropped = this.buffer.splice(0, this.buffer.length - this.maxBuffered);
      this.log.error({ dropped: dropped.length }, 'audit log buffer full; oldest entries dropped');
    }
    if (this.buffer.length >= this.batchSize) void this.flush();
  }

  /** Writes everything recorded so far; flushes never overlap. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeAll());
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await accessLogs.insertAccessLogs(this.db, batch);
      } catch (error) {
        if (isDependencyFailure(error)) {
          // The database is away: keep the entries for the next round.
          this.buffer.unshift(...batch);
          this.log.warn({ err: error, waiting: this.buffer.length }, 'audit log write postponed');
          return;
        }
        await this.writeOneByOne(batch);
      }
    }
  }

  /**
   * One bad row must not take its whole batch with it. A row pointing at a user, session
   * or item deleted meanwhile is kept, with the ids moved into its details.
   */
  private async writeOneByOne(batch: NewAccessLog[]): Promise<void> {
    for (const row of batch) {
      try {
        await accessLogs.insertAccessLogs(this.db, [row]);
      } catch (error) {
        if ((error as { code?: string }).code === '23503' && (await this.writeDetached(row))) continue;
        this.log.error({ err: error, action: row.action }, 'audit entry could not be written');
      }
    }
  }

  private async writeDetached(row: NewAccessLog): Promise<boolean> {
    const details = JSON.parse(row.details as string) as Record<string, unknown>;
    const gone = { user_id: row.user_id, session_id: row.session_id, media_id: row.media_id };
    try {
      await accessLogs.insertAccessLogs(this.db, [
        {
          ...row,
          user_id: null,
          session_id: null,
          media_id: null,
          details: JSON.stringify({ ...details, deleted_since: gone }),
        },
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
