import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrateToLatest, type Db } from '../index.js';
import { databaseUrlFor, dropDatabase, withAdminClient } from '@keepsake/testkit';

describe('migrations', () => {
  const name = `${process.env.KEEPSAKE_TEST_RUN}_migrate`;
  let db: Db;

  beforeAll(async () => {
    await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
    db = createDb({ databaseUrl: databaseUrlFor(name), maxConnections: 2 });
  });
  afterAll(async () => {
    await db.destroy();
    await dropDatabase(name);
  });

  it('creates the whole model on an empty database, and a second run changes nothing', async () => {
    const first = await migrateToLatest(db);
    expect(first.applied).toContain('0001_initial');

    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'media_files',
        'encryption_keys',
        'processing_queue',
        'access_logs',
        'playback_progress',
        'kysely_migration',
      ]),
    );
    const schemaBefore = await schemaFingerprint(db);

    const second = await migrateToLatest(db);
    expect(second.applied).toEqual([]);
    expect(await schemaFingerprint(db)).toEqual(schemaBefore);
  });
});

async function schemaFingerprint(db: Db): Promise<string[]> {
  const columns = await sql<{ c: string }>`
    SELECT table_name || '.' || column_name || ':' || data_type AS c
    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`.execute(db);
  const migrations = await sql<{ c: string }>`SELECT name AS c FROM kysely_migration ORDER BY 1`.execute(db);
  return [...columns.rows.map((r) => r.c), ...migrations.rows.map((r) => r.c)];
}
