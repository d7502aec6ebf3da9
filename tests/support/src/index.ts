export {
  createTestDatabase,
  dropDatabase,
  databaseUrlFor,
  adminDatabaseUrl,
  withAdminClient,
  type TestDatabase,
} from './testDatabase.js';
export * from './stack/index.js';
export * from './browser/index.js';
export { default as setUpTestDatabases } from './globalSetup.js';
