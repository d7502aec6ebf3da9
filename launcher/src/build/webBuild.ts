import fs from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../repoRoot.js';
import { runStep, type StepOptions } from '../supervise/runStep.js';

export const webDir = path.join(repoRoot, 'web');
export const webDistDir = path.join(webDir, 'dist');

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

async function newestMtime(entry: string): Promise<number> {
  const stat = await fs.stat(entry).catch(() => null);
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  const children = await fs.readdir(entry);
  const times = await Promise.all(children.map((child) => newestMtime(path.join(entry, child))));
  return Math.max(stat.mtimeMs, ...times);
}

/** Whether web/dist is missing or older than any of the gallery's sources. */
export async function webBuildIsStale(): Promise<boolean> {
  const built = await fs.stat(path.join(webDistDir, 'index.html')).catch(() => null);
  if (!built) return true;
  const times = await Promise.all(sources.map((source) => newestMtime(path.join(webDir, source))));
  return Math.max(...times) > built.mtimeMs;
}

/**
 * Builds the gallery (vite build into web/dist) when it is missing or stale. Always as
 * production (a caller under Vitest has NODE_ENV=test, which would bundle React's
 * development build): tests and benches see what people get.
 */
export async function ensureWebBuild(onLine?: StepOptions['onLine']): Promise<string> {
  if (await webBuildIsStale()) {
    await runStep('vite build', path.join(repoRoot, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
      cwd: webDir,
      env: { ...process.env, NODE_ENV: 'production' },
      onLine,
    });
  }
  return webDistDir;
}
