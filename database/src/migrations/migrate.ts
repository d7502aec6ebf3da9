import { Migrator } from 'kysely';
import type { Db } from '../db/createDb.js';
import { migrationProvider } from './index.js';

export interface MigrationOutcome {
  applied: string[];
}

/** Applies every migration not yet recorded in kysely_migration; a second run applies nothing. */
export async function migrateToLatest(db: Db): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const where = failed ? ` in ${failed.migrationName}` : '';
    throw new Error(`Migration failed${where}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
