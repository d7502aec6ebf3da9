import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './media/repoRoot.js';

export interface CliRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Exit code (null when killed by a signal) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the CLI and everything it started (ffmpeg), as a crash or `docker kill` would. */
  killHard(): void;
}

const entries = {
  /** `npm run process -- <args>` */
  process: 'processor/src/cli/process.ts',
  /** `npm run start:processor` */
  main: 'processor/src/main.ts',
  /** the container's health check */
  healthcheck: 'processor/src/cli/healthcheck.ts',
  /** `npm run rotate-keys -- <args>` */
  rotateKeys: 'processor/src/cli/rotateKeys.ts',
};

/**
 * Starts the processor's CLI as a real child process (node + tsx, source condition), in its
 * own process group so a test can kill it together with its ffmpeg.
 */
export function startProcessorCli(
  env: Record<string, string>,
  args: string[],
  entry: keyof typeof entries = 'process',
): CliRun {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', path.join(repoRoot, entries[entry]), ...args],
    { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    killHard: () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch (error) {
        // Already gone: it finished before the kill.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    },
  };
}
