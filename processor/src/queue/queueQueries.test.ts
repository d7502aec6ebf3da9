import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { createDb, type Db, jobQueue } from '@keepsake/database';
import { createTestDatabase, type TestDatabase } from '@keepsake/testkit';
import { backoffSeconds } from './backoff.js';

let t: TestDatabase;
let other: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  other = createDb({ databaseUrl: t.url, maxConnections: 2 });
});
afterAll(async () => {
  await other?.destroy();
  await t?.drop();
});
beforeEach(async () => {
  await t.db.deleteFrom('processing_queue').execute();
});

const file = (path: string, size = 10, mtime = new Date('2024-01-02T03:04:05.678Z')) => ({ path, size, mtime });

test('enqueueing is idempotent on path + size + mtime; a new version is a new row', async () => {
  const first = await jobQueue.enqueueFile(t.db, file('a.jpg'));
  const again = await jobQueue.enqueueFile(t.db, file('a.jpg'));
  expect(first.created).toBe(true);
  expect(again).toMatchObject({ created: false, job: { id: first.job.id } });
  const changed = await jobQueue.enqueueFile(t.db, file('a.jpg', 11));
  expect(changed.created).toBe(true);
  expect(await t.db.selectFrom('processing_queue').select('id').execute()).toHaveLength(2);
});

test('concurrent claims on separate connections never get the same job (SKIP LOCKED)', async () => {
  for (let i = 0; i < 6; i++) await jobQueue.enqueueFile(t.db, file(`f${i}.jpg`));
  const claims = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      jobQueue.claimNextJob(i % 2 ? other : t.db, { workerId: `w${i}`, leaseSeconds: 30 }),
    ),
  );
  const ids = claims.map((job) => String(job?.id));
  expect(new Set(ids).size).toBe(6);
  expect(await jobQueue.claimNextJob(t.db, { workerId: 'late', leaseSeconds: 30 })).toBeUndefined();
});

test('an expired lease is reclaimed by another worker, and the old worker can no longer renew', async () => {
  await jobQueue.enqueueFile(t.db, file('crash.mp4'));
  const job = await jobQueue.claimNextJob(t.db, { workerId: 'dead', leaseSeconds: 1 });
  expect(job).toMatchObject({ status: 'processing', worker_id: 'dead', attempts: 1 });
  expect(await jobQueue.claimNextJob(other, { workerId: 'alive', leaseSeconds: 30 })).toBeUndefined();
  expect(await jobQueue.renewLease(t.db, { jobId: job!.id, workerId: 'dead', leaseSeconds: 1 })).toBe(true);
  await sleep(1100);
  const reclaimed = await jobQueue.claimNextJob(other, { workerId: 'alive', leaseSeconds: 30 });
  expect(reclaimed).toMatchObject({ id: job!.id, worker_id: 'alive', attempts: 2 });
  expect(await jobQueue.renewLease(t.db, { jobId: job!.id, workerId: 'dead', leaseSeconds: 30 })).toBe(false);
});

test('a retried job waits out its backoff; a release gives the attempt back', async () => {
  await jobQueue.enqueueFile(t.db, file('flaky.mp4'));
  const job = await jobQueue.claimNextJob(t.db, { workerId: 'w', leaseSeconds: 30 });
  await jobQueue.retryJob(t.db, {
    jobId: job!.id,
    workerId: 'w',
    delaySeconds: 60,
    error: 'boom',
    errorCode: 'MEDIA_005',
  });
  expect(await jobQueue.claimNextJob(t.db, { workerId: 'w', leaseSeconds: 30 })).toBeUndefined();
  const backlog = await jobQueue.queueBacklog(t.db);
  expect(backlog.pending).toBe(1);
  expect(backlog.nextRunInSeconds).toBeGreaterThan(50);
  await t.db
    .updateTable('processing_queue')
    .set({ run_after: new Date(Date.now() - 1000) })
    .execute();
  const again = await jobQueue.claimNextJob(t.db, { workerId: 'w', leaseSeconds: 30 });
  expect(again).toMatchObject({ attempts: 2, error: 'boom', error_code: 'MEDIA_005' });
  await jobQueue.retryJob(t.db, { jobId: again!.id, workerId: 'w', delaySeconds: 0, refundAttempt: true });
  expect(await jobQueue.claimNextJob(t.db, { workerId: 'w', leaseSeconds: 30 })).toMatchObject({ attempts: 2 });
});

test('only the worker holding a job can fail it', async () => {
  await jobQueue.enqueueFile(t.db, file('x.jpg'));
  const job = await jobQueue.claimNextJob(t.db, { workerId: 'owner', leaseSeconds: 30 });
  const options = {
    jobId: job!.id,
    error: 'bad',
    errorCode: 'MEDIA_004',
    failedPath: 'failed/x.jpg',
    mediaId: null,
  };
  expect(await jobQueue.failJob(t.db, { ...options, workerId: 'intruder' })).toBe(false);
  expect(await jobQueue.failJob(t.db, { ...options, workerId: 'owner' })).toBe(true);
  expect(await jobQueue.queueBacklog(t.db)).toEqual({ pending: 0, nextRunInSeconds: null });
});

test('backoff grows fourfold per attempt, with bounded jitter, capped at an hour', () => {
  expect(backoffSeconds(1, 30, () => 0.5)).toBe(30);
  expect(backoffSeconds(2, 30, () => 0.5)).toBe(120);
  expect(backoffSeconds(3, 30, () => 0.5)).toBe(480);
  expect(backoffSeconds(20, 30, () => 0.5)).toBe(3600);
  expect(backoffSeconds(1, 30, () => 0)).toBe(24);
  expect(backoffSeconds(1, 30, () => 1)).toBe(36);
});
