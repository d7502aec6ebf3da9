import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The real-world media in `../shared/fixtures/media/` (beside the main checkout; a git
 * worktree sits one level deeper, so the folder is looked for upwards from the repository).
 * KEEPSAKE_FIXTURES_DIR overrides.
 */
export function fixturesDir(): string {
  if (process.env.KEEPSAKE_FIXTURES_DIR) return process.env.KEEPSAKE_FIXTURES_DIR;
  for (let dir = path.dirname(path.resolve(repoRoot)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'fixtures', 'media');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error('shared/fixtures/media not found above the repository; set KEEPSAKE_FIXTURES_DIR');
  }
}

export function fixtureFile(relative: string): string {
  return path.join(fixturesDir(), relative);
}
