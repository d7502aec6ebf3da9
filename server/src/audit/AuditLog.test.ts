import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db } from '@keepsake/database';
import { createLogger } from '@keepsake/platform';
import { createTestDatabase, type TestDatabase } from '@keepsake/testkit';
import { AuditLog } from './AuditLog.js';

const logger = createLogger({ name: 'audit-test', level: 'silent', pretty: false });

async function count(db: Db): Promise<number> {
  const row = await db
    .selectFrom('access_logs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('audit log batching', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('records without waiting on the database, and writes everything on close', async () => {
    await t.db.deleteFrom('access_logs').execute();
    // A long interval: only the size trigger and close() may write.
    const audit = new AuditLog(t.db, logger, { intervalMs: 60_000, batchSize: 100 });
    for (let i = 0; i < 250; i += 1) audit.record({ action: 'media.key', details: { i } });
    await audit.flush();
    expect(await count(t.db)).toBe(250);
    for (let i = 0; i < 7; i += 1) audit.record({ action: 'media.view' });
    await audit.close();
    expect(await count(t.db)).toBe(257);
  });

  it('keeps an entry whose user was deleted meanwhile, instead of losing its batch', async () => {
    await t.db.deleteFrom('access_logs').execute();
    const audit = new AuditLog(t.db, logger, { intervalMs: 60_000 });
    const ghost = randomUUID();
    audit.record({ action: 'auth.login', userId: ghost });
    audit.record({ action: 'auth.logout' });
    await audit.close();
    const rows = await t.db.selectFrom('access_logs').selectAll().orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['auth.login', 'auth.logout']);
    expect(rows[0]!.details).toEqual({ deleted_since: { user_id: ghost, session_id: null, media_id: null } });
  });
});
