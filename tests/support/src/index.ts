export {
  createTestDatabase,
  dropDatabase,
  databaseUrlFor,
  adminDatabaseUrl,
  withAdminClient,
  type TestDatabase,
} from './testDatabase.js';
export { readAll, sha256 } from './bytes.js';
export { fixturesDir, fixtureFile } from './fixtures.js';
