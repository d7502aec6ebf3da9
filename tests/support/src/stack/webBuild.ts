import fs from 'node:fs/promises';
import path from 'node:path';
import { runToEnd } from './childProcess.js';
import { repoRoot } from './repoRoot.js';

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

/** Builds the gallery (vite build into web/dist) when it is missing or stale; once per test run. */
export async function ensureWebBuild(): Promise<string> {
  if (await webBuildIsStale()) {
    // NODE_ENV=production whatever the caller runs under (Vitest sets "test", which would
    // bundle React's development build): the tests and the bench see what people get.
    const env = { ...process.env, NODE_ENV: 'production' };
    await runToEnd('vite build', 'npx', ['vite', 'build', '--logLevel', 'warn'], env, undefined, webDir);
  }
  return webDistDir;
}
