import { spawn, type ChildProcess } from 'node:child_process';
import { forEachLine } from './forEachLine.js';

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The signal that asks it to stop gracefully (nginx: SIGQUIT). */
  stopSignal?: NodeJS.Signals;
  /** How long it may take to stop before it is killed. */
  graceMs?: number;
}

/** Where the services' lines and the supervisor's own messages go. */
export interface SupervisorOutput {
  line(service: string, stream: 'stdout' | 'stderr', text: string): void;
  notice(text: string): void;
}

interface Running {
  spec: ServiceSpec;
  child: ChildProcess;
  exited: Promise<void>;
}

const defaultGraceMs = 10_000;

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was ended by ${signal}` : `exited with code ${code}`;
}

/**
 * Runs several long-lived processes as one set: their output interleaved line by line, and
 * when one ends on its own, the others are stopped too, so the set is never half up. Each
 * runs in its own process group, so a stop reaches everything it started (npm → node, tsx watch).
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();
  private stopping: Promise<void> | null = null;
  private failure: string | null = null;
  private resolveFinished!: (status: number) => void;
  /** Resolves once every service has ended: 0 after a requested stop, 1 when one failed. */
  readonly finished = new Promise<number>((resolve) => (this.resolveFinished = resolve));

  constructor(private readonly output: SupervisorOutput) {}

  /** Why the set stopped by itself, if it did. */
  get failureReason(): string | null {
    return this.failure;
  }

  start(spec: ServiceSpec): void {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    forEachLine(child.stdout, (line) => this.output.line(spec.name, 'stdout', line));
    forEachLine(child.stderr, (line) => this.output.line(spec.name, 'stderr', line));
    const exited = new Promise<void>((resolve) => {
      let reported = false;
      const ended = (why: string) => {
        if (reported) return;
        reported = true;
        this.running.delete(spec.name);
        if (!this.stopping) {
          this.failure ??= `${spec.name} ${why}`;
          this.output.notice(`${spec.name} ${why}; stopping the others`);
          void this.stop();
        }
        if (this.running.size === 0) this.resolveFinished(this.failure ? 1 : 0);
        resolve();
      };
      // Reported on 'close' (its output read to the end); on 'exit', whatever of its group
      // outlived it, and may hold the output open, is ended.
      child.once('exit', () => signalGroup(child, 'SIGKILL'));
      child.once('close', (code, signal) => ended(describeExit(code, signal)));
      child.once('error', (error) => ended(`could not be started (${spec.command}: ${error.message})`));
    });
    this.running.set(spec.name, { spec, child, exited });
  }

  /** Asks every service to stop (its stop signal), and kills what is still there after its grace period. */
  stop(): Promise<void> {
    this.stopping ??= Promise.all(
      [...this.running.values()].map(async ({ spec, child, exited }) => {
        signalGroup(child, spec.stopSignal ?? 'SIGTERM');
        const graceMs = spec.graceMs ?? defaultGraceMs;
        const timer = setTimeout(() => {
          this.output.notice(`${spec.name} did not stop within ${graceMs / 1000} s; killing it`);
          signalGroup(child, 'SIGKILL');
        }, graceMs);
        await exited;
        clearTimeout(timer);
      }),
    ).then(() => {
      if (this.running.size === 0) this.resolveFinished(this.failure ? 1 : 0);
    });
    return this.stopping;
  }

  /** Ends everything at once (a second Ctrl-C). */
  kill(): void {
    for (const { child } of this.running.values()) signalGroup(child, 'SIGKILL');
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}
