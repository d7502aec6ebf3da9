import { fileURLToPath } from 'node:url';

/** A path in the repository, from this folder (server/src/openapi, or server/dist/openapi once built). */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
}
