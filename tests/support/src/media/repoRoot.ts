import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests/support/src/media → four levels up). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
