import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run the workspaces' TypeScript sources directly, as `tsx --conditions=source` does.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const alias = {
  '@keepsake/contracts': source('./contracts/src/index.ts'),
  '@keepsake/platform': source('./platform/src/index.ts'),
  '@keepsake/database': source('./database/src/index.ts'),
  '@keepsake/vault': source('./vault/src/index.ts'),
  '@keepsake/testkit': source('./tests/support/src/index.ts'),
  '@keepsake/processor': source('./processor/src/index.ts'),
  '@keepsake/launcher': source('./launcher/src/index.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ['./tests/support/src/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'contracts', include: ['contracts/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'platform', include: ['platform/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'database', include: ['database/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'vault', include: ['vault/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['server/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'processor', include: ['processor/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'scripts', include: ['scripts/**/*.test.ts', 'launcher/src/**/*.test.ts'] } },
      // docker-compose files, the Dockerfile and the native start checked against each other.
      { extends: true, test: { name: 'deployment', include: ['tests/deployment/**/*.test.ts'] } },
      // Processor and server together in one process (no browser): e.g. key rotation under playback.
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      // The shape of the code itself: which workspace may import which, and that lint says so.
      { extends: true, test: { name: 'structure', include: ['tests/structure/**/*.test.ts'] } },
      // The gallery's logic as plain functions; the browser itself is exercised by the e2e project.
      { extends: true, test: { name: 'web', include: ['web/src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['./tests/e2e/globalSetup.ts'],
          // Each file runs a whole stack and a browser: one at a time on small machines.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
