import path from 'node:path';
import { repoRoot } from '../repoRoot.js';
import { runStep, type StepOptions } from '../supervise/runStep.js';
import { ensureWebBuild } from './webBuild.js';

/**
 * What `npm start` runs must be built: the TypeScript workspaces (tsc -b, which does nothing
 * when they are up to date) and the gallery (only when missing or older than its sources).
 */
export async function buildWhatIsMissing(onLine?: StepOptions['onLine']): Promise<void> {
  await runStep('tsc -b', path.join(repoRoot, 'node_modules/.bin/tsc'), ['-b'], {
    cwd: repoRoot,
    env: process.env,
    onLine,
  });
  await ensureWebBuild(onLine);
}
