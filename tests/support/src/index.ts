export {
  createTestDatabase,
  dropDatabase,
  databaseUrlFor,
  adminDatabaseUrl,
  withAdminClient,
  type TestDatabase,
} from './testDatabase.js';
