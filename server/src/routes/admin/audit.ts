import { Type } from '@sinclair/typebox';
import { accessLogs } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { decodeCursor, encodeCursor, isTimestampAndId } from '../../paging/cursor.js';
import { errorResponses, Timestamp, Uuid } from '../../schemas/common.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const EntryView = Type.Object({
  id: Type.Integer(),
  created_at: Timestamp,
  action: Type.String(),
  user_id: Nullable(Type.String()),
  username: Nullable(Type.String()),
  session_id: Nullable(Type.String()),
  media_id: Nullable(Type.String()),
  client_ip: Nullable(Type.String()),
  via_vpn: Type.Boolean(),
  status: Nullable(Type.Integer()),
  bytes: Nullable(Type.Number()),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export async function adminAuditRoutes(app: App): Promise<void> {
  app.get(
    '/api/admin/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first; filter by user, action ("auth." for a family) and time',
        querystring: Type.Object(
          {
            user_id: Type.Optional(Uuid),
            action: Type.Optional(Type.String({ pattern: '^[a-z_.]{2,64}$' })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ entries: Type.Array(EntryView), next_cursor: Nullable(Type.String()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { user_id: userId, action, from, to, limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, isTimestampAndId) : undefined;
      const rows = await accessLogs.listAccessLogs(app.db, {
        userId,
        action,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        before: after ? { at: after[0], id: after[1] } : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        entries: page.map((row) => ({
          id: row.id,
          created_at: row.created_at.toISOString(),
          action: row.action,
          user_id: row.user_id,
          username: row.username,
          session_id: row.session_id,
          media_id: row.media_id,
          client_ip: row.client_ip,
          via_vpn: row.via_vpn,
          status: row.status,
          bytes: row.bytes === null ? null : Number(row.bytes),
          details: row.details,
        })),
        next_cursor: rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
      };
    },
  );
}
