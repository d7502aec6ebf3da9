import { sql } from 'kysely';
import type { Db } from '../db/createDb.js';
import type { AccessLog, NewAccessLog } from '../db/schema.js';

export async function insertAccessLogs(db: Db, rows: NewAccessLog[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('access_logs').values(rows).execute();
}

export interface AccessLogFilter {
  userId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Keyset: entries strictly older than this (`cursor_at` of the last row seen, id). */
  before?: { at: string; id: number };
  limit: number;
}

export interface AccessLogRow extends AccessLog {
  username: string | null;
  /** created_at as PostgreSQL text: microsecond-exact, for paging cursors. */
  cursor_at: string;
}

/** The audit log newest first, filtered by user, action (exact or a "prefix." family) and time. */
export async function listAccessLogs(db: Db, filter: AccessLogFilter): Promise<AccessLogRow[]> {
  let query = db
    .selectFrom('access_logs as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select(['u.username', sql<string>`a.created_at::text`.as('cursor_at')])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.limit);
  if (filter.userId) query = query.where('a.user_id', '=', filter.userId);
  if (filter.action) {
    query = filter.action.endsWith('.')
      ? query.where('a.action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`)
      : query.where('a.action', '=', filter.action);
  }
  if (filter.from) query = query.where('a.created_at', '>=', filter.from);
  if (filter.to) query = query.where('a.created_at', '<', filter.to);
  if (filter.before) {
    const { at, id } = filter.before;
    query = query.where(sql<boolean>`(a.created_at, a.id) < (${at}::timestamptz, ${id})`);
  }
  return query.execute();
}
