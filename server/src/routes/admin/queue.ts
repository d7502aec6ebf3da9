import { Type } from '@sinclair/typebox';
import { queueAdmin, type QueueJob } from '@keepsake/database';
import type { App } from '../../app/types.js';
import { ApiError } from '../../errors/ApiError.js';
import { decodeCursor, encodeCursor, isTimestampAndId } from '../../paging/cursor.js';
import { errorResponses, NullableTimestamp, Timestamp } from '../../schemas/common.js';

const QueueStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('processing'),
  Type.Literal('completed'),
  Type.Literal('failed'),
]);

const JobView = Type.Object({
  id: Type.Integer(),
  path: Type.String({ description: 'relative to IMPORTS_DIR' }),
  size: Type.Number(),
  status: QueueStatus,
  attempts: Type.Integer(),
  max_attempts: Type.Integer(),
  stage: Type.Union([Type.String(), Type.Null()]),
  progress: Type.Union([Type.Number(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  error_code: Type.Union([Type.String(), Type.Null()]),
  failed_path: Type.Union([Type.String(), Type.Null()]),
  media_id: Type.Union([Type.String(), Type.Null()]),
  queued_at: Timestamp,
  started_at: NullableTimestamp,
  completed_at: NullableTimestamp,
  updated_at: Timestamp,
});

function jobView(job: QueueJob) {
  return {
    id: job.id,
    path: job.path,
    size: Number(job.size),
    status: job.status,
    attempts: job.attempts,
    max_attempts: job.max_attempts,
    stage: job.stage,
    progress: job.progress,
    error: job.error,
    error_code: job.error_code,
    failed_path: job.failed_path,
    media_id: job.media_id,
    queued_at: job.queued_at.toISOString(),
    started_at: job.started_at?.toISOString() ?? null,
    completed_at: job.completed_at?.toISOString() ?? null,
    updated_at: job.updated_at.toISOString(),
  };
}

const tags = ['admin'];

export async function adminQueueRoutes(app: App): Promise<void> {
  app.get(
    '/api/admin/queue',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The processing queue and its failures, most recently changed first',
        querystring: Type.Object(
          {
            status: Type.Optional(QueueStatus),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            jobs: Type.Array(JobView),
            counts: Type.Record(Type.String(), Type.Integer()),
            next_cursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { status, limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, isTimestampAndId) : undefined;
      const [jobs, counts] = await Promise.all([
        queueAdmin.listQueueJobs(app.db, {
          status,
          limit: limit + 1,
          before: after ? { at: after[0], id: after[1] } : undefined,
        }),
        queueAdmin.countQueueJobsByStatus(app.db),
      ]);
      const page = jobs.slice(0, limit);
      const last = page.at(-1);
      return {
        jobs: page.map(jobView),
        counts,
        next_cursor: jobs.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
      };
    },
  );

  app.post(
    '/api/admin/queue/:id/retry',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Queue a failed file again',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
        response: { 200: Type.Object({ job: JobView }), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const job = await queueAdmin.retryFailedJob(app.db, id);
      if (!job) {
        const existing = await queueAdmin.findQueueJob(app.db, id);
        if (!existing) throw new ApiError('SYSTEM_005', 'No such job in the queue.');
        throw new ApiError('SYSTEM_006', `Only a failed job can be retried; this one is ${existing.status}.`);
      }
      request.audit({ action: 'admin.queue_retry', details: { job_id: job.id, path: job.path } });
      return { job: jobView(job) };
    },
  );
}
