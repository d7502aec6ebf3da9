import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './repoRoot.js';

/** The tail of a process's output, for the error message when something fails. */
class OutputTail {
  private text = '';
  constructor(private readonly limit = 20_000) {}
  add(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** Everything it wrote so far (up to 16 MiB): for tests that read a whole log, e.g. for secrets. */
  fullOutput: () => string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM to the whole process group (npm → sh → tsx → node), SIGKILL if it lingers. */
  stop: (graceMs?: number) => Promise<void>;
}

/**
 * Starts a command in its own process group (so the npm/tsx wrapper chain can be ended
 * together), keeping the tail of its output.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input?: string,
  cwd = repoRoot,
): RunningProcess {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  const tail = new OutputTail();
  const all = new OutputTail(16 * 1024 * 1024);
  const record = (chunk: Buffer) => {
    tail.add(chunk);
    all.add(chunk);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  if (input !== undefined) child.stdin?.end(input);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (error) => {
      tail.add(`\n${error.message}`);
      resolve('spawn-error');
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    name,
    child,
    output: () => tail.toString(),
    fullOutput: () => all.toString(),
    exited,
    stop: async (graceMs = 5_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      signalGroup('SIGKILL'); // anything of the group that outlived its parent
    },
  };
}

/** Runs a command to the end; a non-zero exit throws with its output. */
export async function runToEnd(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input?: string,
  cwd = repoRoot,
): Promise<string> {
  const running = startProcess(name, command, args, env, input, cwd);
  const code = await running.exited;
  if (code !== 0) throw new Error(`${name} failed (${code}):\n${running.output()}`);
  return running.output();
}
