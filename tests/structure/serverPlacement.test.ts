import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const routesDir = fileURLToPath(new URL('../../server/src/routes', import.meta.url));

/** What a file exports, by kind: `function`, `const`, `type` (interfaces and types) or `class`. */
function exportKinds(text: string): string[] {
  return [
    ...text.matchAll(/^export\s+(?:async\s+)?(function|const|let|class|interface|type|enum|\{|\*|default)/gm),
  ].map(([, kind]) => (kind === 'interface' ? 'type' : kind!));
}

async function routeFiles(): Promise<string[]> {
  const entries = await fs.readdir(routesDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(routesDir, path.join(entry.parentPath, entry.name)));
}

/**
 * ARCHITECTURE.md's placement rule for server/src/routes, checked: a route file exports its
 * registration function and nothing else; a `<resource>Schemas.ts` holds schemas only (no
 * functions); a `<resource>RouteDeps.ts` holds types only. A helper two routes share is a service.
 */
describe('server/src/routes holds only what registers routes', () => {
  it('finds the route files', async () => {
    expect((await routeFiles()).length).toBeGreaterThan(20);
  });

  it('each file exports what its kind allows', async () => {
    const misplaced: string[] = [];
    for (const file of await routeFiles()) {
      const kinds = exportKinds(await fs.readFile(path.join(routesDir, file), 'utf8'));
      const ok = file.endsWith('Schemas.ts')
        ? kinds.every((kind) => kind === 'const' || kind === 'type')
        : file.endsWith('RouteDeps.ts')
          ? kinds.every((kind) => kind === 'type')
          : kinds.length === 1 && kinds[0] === 'function';
      if (!ok) misplaced.push(`${file} exports ${kinds.join(', ') || 'nothing'}`);
    }
    expect(misplaced).toEqual([]);
  });
});
