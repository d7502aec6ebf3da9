import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001_initial.js';
import * as keyRotation from './0002_key_rotation.js';

/**
 * Migrations are listed here rather than read from a folder, so they work the same
 * from TypeScript sources, compiled output and a container image. Forward-only: append.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_key_rotation': keyRotation,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
