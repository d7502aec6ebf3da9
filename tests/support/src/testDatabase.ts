import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '@keepsake/database';

/** The server to make throwaway databases on; CI and dev machines run PostgreSQL locally. */
export const adminDatabaseUrl = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file, cloned from the template
 * the global setup migrated once (cloning takes milliseconds; migrating takes longer).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.KEEPSAKE_TEST_TEMPLATE_DB;
  if (!template)
    throw new Error('KEEPSAKE_TEST_TEMPLATE_DB is not set: run tests with `npm test` (vitest global setup)');
  const name = `${template.replace(/_tpl$/, '')}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = databaseUrlFor(name);
  const db = createDb({ databaseUrl: url, maxConnections: 5, applicationName: 'keepsake-test' });
  return {
    name,
    url,
    db,
    drop: async () => {
      await db.destroy();
      await dropDatabase(name);
    },
  };
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
