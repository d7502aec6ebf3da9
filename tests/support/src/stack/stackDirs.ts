import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runToEnd } from './childProcess.js';
import { repoRoot } from './repoRoot.js';

export interface StackDirs {
  root: string;
  imports: string;
  assets: string;
  private: string;
}

/** A throwaway home for one stack: imports/, assets/ and private/ with first-run secrets. */
export async function makeStackDirs(publicBaseUrl: string): Promise<StackDirs> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'keepsake-stack-'));
  const dirs: StackDirs = {
    root,
    imports: path.join(root, 'imports'),
    assets: path.join(root, 'assets'),
    private: path.join(root, 'private'),
  };
  await fs.mkdir(dirs.imports);
  await fs.mkdir(dirs.assets);
  // The project's own first-run step, exactly as an install runs it.
  await runToEnd('scripts/init', path.join(repoRoot, 'scripts/init'), [], {
    ...process.env,
    PRIVATE_DIR: dirs.private,
    ASSETS_DIR: dirs.assets,
    PUBLIC_BASE_URL: publicBaseUrl,
  });
  return dirs;
}

export async function removeStackDirs(dirs: StackDirs): Promise<void> {
  await fs.rm(dirs.root, { recursive: true, force: true });
}
