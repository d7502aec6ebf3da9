import { spawn } from 'node:child_process';
import { forEachLine } from './forEachLine.js';

export interface StepOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Receives each output line; omitted: the output is kept for the error message only. */
  onLine?: (stream: 'stdout' | 'stderr', line: string) => void;
}

/** A step that failed: its name, how it ended, and its last lines. */
export class StepError extends Error {
  override name = 'StepError';
}

/**
 * Runs one preparation step (init, a build, migrations) to its end. It stays in the launcher's
 * process group, so a Ctrl-C during it stops it too. A non-zero exit rejects with the
 * output's tail in the message.
 */
export function runStep(name: string, command: string, args: string[], options: StepOptions): Promise<void> {
  const tail: string[] = [];
  const keep = (stream: 'stdout' | 'stderr', line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    options.onLine?.(stream, line);
  };
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    forEachLine(child.stdout, (line) => keep('stdout', line));
    forEachLine(child.stderr, (line) => keep('stderr', line));
    child.once('error', (error) =>
      reject(new StepError(`${name} could not be started (${command}: ${error.message})`)),
    );
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      const how = signal ? `was ended by ${signal}` : `failed (exit code ${code})`;
      const shown = options.onLine ? '' : `:\n${tail.join('\n')}`;
      reject(new StepError(`${name} ${how}${shown}`));
    });
  });
}
