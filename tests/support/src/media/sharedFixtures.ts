import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests/support/src/media → four levels up). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The real-world files in `../shared/fixtures/media` beside the repository (see its
 * SOURCES.md). A git worktree sits deeper than the main clone, so the parents are searched.
 */
export function sharedMediaFixtures(): string {
  const fromEnv = process.env.KEEPSAKE_SHARED_DIR;
  if (fromEnv) return path.join(fromEnv, 'fixtures/media');
  for (let dir = path.dirname(repoRoot); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/fixtures/media');
    if (existsSync(candidate)) return candidate;
    if (dir === path.dirname(dir)) break;
  }
  throw new Error(`shared/fixtures/media not found beside ${repoRoot} or its parents`);
}
