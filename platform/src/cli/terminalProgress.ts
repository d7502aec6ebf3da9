import cliProgress from 'cli-progress';

export interface TerminalProgress {
  update(done: number, total: number, payload?: Record<string, string>): void;
  stop(): void;
}

/**
 * A progress bar when a person watches (stderr is a terminal); nothing otherwise,
 * where the command's log lines are the record (cron, CI).
 */
export function terminalProgress(format: string): TerminalProgress {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, payload = {}) {
      if (!started) bar.start(Math.max(total, 1), 0, payload);
      started = true;
      bar.setTotal(Math.max(total, 1));
      bar.update(Math.min(done, total), payload);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

export const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);
