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
export * from './stack/index.js';
export * from './browser/index.js';
export { default as setUpTestDatabases } from './globalSetup.js';
export * from './media/index.js';
export { createProcessingEnv, type ProcessingEnv, type ProcessingEnvOptions } from './processingEnv.js';
export { waitFor } from './waitFor.js';
export { startProcessorCli, type CliRun } from './processorCli.js';
export { tusCreate, tusOffset, tusPatch, tusUploadFile, type TusAnswer, type TusTarget } from './tusClient.js';
export * from './processes/index.js';
