import { fileURLToPath } from 'node:url';

/** The repository's root (from src/ and from dist/ alike): every command runs from there. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
