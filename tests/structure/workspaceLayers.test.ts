import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The workspaces depend one way: contracts <- platform <- database <- vault <- the apps. A lower
 * one never names a higher one, the apps never name each other (server and processor meet only
 * through PostgreSQL, Redis and the contracts), and the web, a browser program, names only the
 * contracts. The test kit may use everything.
 */
const rank: Record<string, number> = { contracts: 0, platform: 1, database: 2, vault: 3 };
const apps = ['server', 'processor', 'launcher', 'web'];
const folders: Record<string, string> = {
  contracts: 'contracts',
  platform: 'platform',
  database: 'database',
  vault: 'vault',
  server: 'server',
  processor: 'processor',
  launcher: 'launcher',
  web: 'web',
};

function mayDependOn(workspace: string, dependency: string): boolean {
  if (workspace === 'web') return dependency === 'contracts';
  if (apps.includes(dependency)) return false;
  return (rank[dependency] ?? Infinity) < (rank[workspace] ?? apps.length + 4);
}

async function keepsakeDependencies(folder: string): Promise<string[]> {
  const manifest = JSON.parse(await fs.readFile(path.join(root, folder, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
    .filter((name) => name.startsWith('@keepsake/'))
    .map((name) => name.slice('@keepsake/'.length));
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, folder, 'src'), { recursive: true, withFileTypes: true });
  return (
    entries
      // Tests and a workspace's testing/ helpers are test code: they may use the test kit.
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
      .filter((entry) => !entry.parentPath.split(path.sep).includes('testing'))
      .map((entry) => path.join(entry.parentPath, entry.name))
  );
}

/** The `@keepsake/<name>` packages a file imports or re-exports (static or dynamic). */
function namedWorkspaces(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]@keepsake\/([a-z]+)/g)].map((match) => match[1]!);
}

describe('workspace layers', () => {
  it.each(Object.keys(folders))('%s declares only workspaces below it', async (workspace) => {
    const declared = await keepsakeDependencies(folders[workspace]!);
    expect(declared.filter((dependency) => !mayDependOn(workspace, dependency))).toEqual([]);
  });

  it.each(Object.keys(folders))('%s imports only workspaces it declares', async (workspace) => {
    const declared = new Set([...(await keepsakeDependencies(folders[workspace]!)), workspace]);
    const strays: string[] = [];
    for (const file of await sourceFiles(folders[workspace]!))
      for (const named of namedWorkspaces(await fs.readFile(file, 'utf8')))
        if (!declared.has(named)) strays.push(`${path.relative(root, file)} imports @keepsake/${named}`);
    expect(strays).toEqual([]);
  });
});

/** The lint gate (`npm run lint`, run by .ci/run) refuses the wrong-way imports, placed as a newcomer would. */
describe('the lint gate refuses wrong-way imports', () => {
  const eslint = new ESLint({ cwd: root });
  const refusals = async (file: string, text: string) => {
    const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
    return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
  };

  it.each([
    ['platform/src/probe.ts', "import { openDatabase } from '@keepsake/database';\nvoid openDatabase;\n"],
    ['database/src/probe.ts', "import { openKeyStore } from '@keepsake/vault';\nvoid openKeyStore;\n"],
    ['vault/src/probe.ts', "import { buildApp } from '@keepsake/server';\nvoid buildApp;\n"],
    ['database/src/probe.ts', "import { loadConfig } from '../../platform/src/config/index.js';\nvoid loadConfig;\n"],
    ['contracts/src/probe.ts', "import fs from 'node:fs';\nvoid fs;\n"],
    ['processor/src/pipelines/probe.ts', "import { publish } from '../publish/publish.js';\nvoid publish;\n"],
    ['server/src/media/probe.ts', "import { x } from '../routes/media/library.js';\nvoid x;\n"],
  ])('%s: %s', async (file, text) => {
    expect(await refusals(file, text)).toBeGreaterThan(0);
  });

  it('lets a route file import a service', async () => {
    expect(
      await refusals('server/src/routes/probe.ts', "import { x } from '../media/requireCompletedMedia.js';\nvoid x;\n"),
    ).toBe(0);
  });
});
