import { Command } from 'commander';
import { loadCommonConfig } from '@keepsake/platform';
import { createDb } from '../db/createDb.js';
import { migrateToLatest } from '../migrations/migrate.js';
import { runCli } from '@keepsake/platform';

const program = new Command('migrate')
  .description('Apply database migrations (forward-only; a second run changes nothing). Uses DATABASE_URL.')
  .parse();

runCli(async () => {
  program.opts();
  const config = loadCommonConfig();
  const db = createDb({ databaseUrl: config.databaseUrl, maxConnections: 1, applicationName: 'keepsake-migrate' });
  try {
    const { applied } = await migrateToLatest(db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await db.destroy();
  }
});
