import { fileURLToPath } from 'node:url';

/** The repository's root: the stack runs the project's own commands from there. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
