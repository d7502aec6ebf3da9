import type { Supervisor } from '../supervise/Supervisor.js';

/**
 * The launchers take no arguments but --help: the exit status when the command line says
 * to stop here (0 after printing the help, 2 for anything else), null to go on.
 */
export function helpOrUsageError(args: readonly string[], text: string): number | null {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(text);
    return 0;
  }
  const unknown = args.find((arg) => arg !== '--');
  if (unknown === undefined) return null;
  process.stderr.write(`keepsake: unknown argument "${unknown}" (see --help)\n`);
  return 2;
}

/**
 * Ctrl-C or SIGTERM stops the set gracefully; a second one ends it at once. Also covers the
 * preparation steps: before the set starts, a signal just ends the launcher (the step, in
 * the same process group, got the Ctrl-C too).
 */
export function stopOnSignals(supervisor: () => Supervisor | null): void {
  let asked = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      asked += 1;
      const running = supervisor();
      if (!running) process.exit(130);
      if (asked === 1) {
        process.stderr.write(`\nkeepsake: ${signal}: stopping everything (again to kill at once)\n`);
        void running.stop();
      } else {
        running.kill();
      }
    });
  }
}

/** The launcher's main: a failed step says which and why, in one message. */
export function runLauncher(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`keepsake: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
