import { randomBytes } from 'node:crypto';
import { createDb, migrateToLatest } from '@keepsake/database';
import { databaseUrlFor, dropDatabase, withAdminClient } from './testDatabase.js';

/**
 * Once per test run: one migrated template database that each test file clones,
 * and a prefix that keeps this run's Redis keys apart from any other run's.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const run = `keepsake_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const template = `${run}_tpl`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${template}"`));
  const db = createDb({ databaseUrl: databaseUrlFor(template), maxConnections: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  process.env.KEEPSAKE_TEST_TEMPLATE_DB = template;
  process.env.KEEPSAKE_TEST_RUN = run;

  return async () => {
    // Test files drop their own databases; this catches any a crashed file left behind.
    const leftovers = await withAdminClient(async (client) => {
      const result = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `${run}%`,
      ]);
      return result.rows.map((row) => row.datname);
    });
    for (const name of leftovers) await dropDatabase(name);
  };
}
