import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '@keepsake/platform';
import { isIgnored } from './ignoreRules.js';

export interface WatchOptions {
  importsDir: string;
  polling: boolean;
  /** How long a file's size must stay still before it counts as written. */
  stableMs: number;
  logger: Logger;
  onFile: (relativePath: string) => void;
}

/**
 * chokidar on imports/, recursive. awaitWriteFinish holds a file back until its size stops
 * changing, so a copy in progress is never picked up; polling is for bind mounts that drop
 * events (Docker Desktop on macOS). Symlinks are reported, never followed.
 */
export async function watchImports(options: WatchOptions): Promise<FSWatcher> {
  const relative = (file: string) => path.relative(options.importsDir, file).split(path.sep).join('/');
  const watcher = watch(options.importsDir, {
    ignoreInitial: true,
    followSymlinks: false,
    usePolling: options.polling,
    interval: 1000,
    binaryInterval: 1000,
    awaitWriteFinish: { stabilityThreshold: options.stableMs, pollInterval: Math.min(500, options.stableMs / 2) },
    ignored: (file: string) => isIgnored(relative(file)),
  });
  const report = (file: string) => options.onFile(relative(file));
  watcher.on('add', report).on('change', report);
  watcher.on('error', (error) =>
    options.logger.warn({ err: String(error) }, 'watch error; the next rescan catches up'),
  );
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return watcher;
}
