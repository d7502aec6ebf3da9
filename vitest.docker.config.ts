import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The README's `docker compose up -d`, for real (tests/docker): its own run, after the rest of
// the suite (scripts/test), as it builds images and starts a Docker daemon.
export default defineConfig({
  resolve: base.resolve,
  test: {
    name: 'docker',
    include: ['tests/docker/**/*.test.ts'],
    globalSetup: ['./tests/support/src/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 3_600_000,
  },
});
