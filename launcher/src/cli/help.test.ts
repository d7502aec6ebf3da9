import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../repoRoot.js';

const run = promisify(execFile);
const launch = (script: string, ...args: string[]) =>
  run(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', path.join(repoRoot, 'launcher/src/cli', script), ...args],
    {
      cwd: repoRoot,
    },
  );

describe('npm start / npm run dev on the command line', () => {
  it.each([
    ['start.ts', /^npm start — Keepsake without Docker/],
    ['dev.ts', /^npm run dev — development with hot reload/],
  ])('%s --help says what it runs, and starts nothing', async (script, first) => {
    const { stdout } = await launch(script, '--help');
    expect(stdout).toMatch(first);
    expect(stdout).toContain('Ctrl-C');
  });

  it('refuses an unknown argument with status 2, naming it', async () => {
    const failure = await launch('start.ts', '--verbose').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('unknown argument "--verbose"');
  });
});
