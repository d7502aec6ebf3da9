import { SingleBar, Presets } from 'cli-progress';
import type { FileResult, ProgressEvent } from '../index.js';

function describe(result: FileResult): string {
  const { outcome } = result;
  switch (outcome.kind) {
    case 'completed':
      return `done      ${result.file}`;
    case 'duplicate':
      return `duplicate ${result.file} (already in the library)`;
    case 'duplicate_in_trash':
      return `duplicate ${result.file} (already in the trash: restore it from there)`;
    case 'failed':
      return `FAILED    ${result.file}: ${outcome.code} ${outcome.error}`;
    case 'retrying':
      return `retry     ${result.file} in ${Math.round(outcome.inSeconds)} s: ${outcome.error}`;
    default:
      return `skipped   ${result.file} (${outcome.reason})`;
  }
}

/**
 * What `process --once` shows: a progress bar on a terminal, one line per finished file
 * otherwise (logs, CI, cron mail).
 */
export function createProgressOutput(stream: NodeJS.WriteStream = process.stdout) {
  const interactive = Boolean(stream.isTTY);
  const bar = interactive
    ? new SingleBar(
        { format: '{bar} {value}/{total} files | {stage} {percent}% {file}', hideCursor: true, stream },
        Presets.shades_classic,
      )
    : undefined;
  const seen = new Set<number>();
  let finished = 0;
  let started = false;
  const failures: string[] = [];
  return {
    onEvent(event: ProgressEvent) {
      if (!bar) return;
      const isNew = !seen.has(event.jobId);
      seen.add(event.jobId);
      if (!started) {
        bar.start(seen.size, 0, { stage: event.stage, percent: 0, file: '' });
        started = true;
      } else if (isNew) bar.setTotal(seen.size);
      if (event.status === 'completed' || event.status === 'failed') finished++;
      bar.update(finished, { stage: event.stage, percent: Math.round(event.percent), file: event.file });
    },
    onResult(result: FileResult) {
      if (bar) {
        if (result.outcome.kind === 'failed') failures.push(describe(result));
        return;
      }
      if (result.outcome.kind !== 'retrying') stream.write(`${describe(result)}\n`);
    },
    stop() {
      if (started) bar?.stop();
      started = false;
      for (const line of failures.splice(0)) stream.write(`${line}\n`);
    },
  };
}
