import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@keepsake/launcher';

const run = promisify(execFile);

/** docker-compose v1 (Debian's) checks the files' syntax and references; no Docker engine is needed for it. */
describe('the compose files', () => {
  const validate = (...files: string[]) =>
    run('docker-compose', [...files.flatMap((file) => ['-f', file]), 'config', '-q'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });

  it('docker-compose.yml is valid', async () => {
    const { stderr } = await validate('docker-compose.yml');
    expect(stderr).toBe('');
  });

  it('docker-compose.yml with docker-compose.dev.yml is valid', async () => {
    const { stderr } = await validate('docker-compose.yml', 'docker-compose.dev.yml');
    expect(stderr).toBe('');
  });
});
