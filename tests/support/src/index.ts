export {
  createTestDatabase,
  dropDatabase,
  databaseUrlFor,
  adminDatabaseUrl,
  withAdminClient,
  type TestDatabase,
} from './testDatabase.js';
export * from './media/index.js';
