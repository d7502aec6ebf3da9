import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WrkResult {
  requestsPerSecond: number;
  /** Bytes per second received (headers included), as wrk counts them. */
  bytesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx/3xx answers plus socket errors: anything but a clean run. */
  failures: number;
}

const units: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

function milliseconds(value: string): number {
  const [, number, unit] = /([\d.]+)(us|ms|s)/.exec(value)!;
  return Number(number) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
}

/** wrk (Debian's package, C and OpenSSL: it stays out of the way of what it measures) on one URL. */
export async function wrk(
  url: string,
  options: { connections: number; threads: number; seconds: number },
): Promise<WrkResult> {
  const { stdout } = await run('wrk', [
    '-t',
    String(options.threads),
    '-c',
    String(options.connections),
    '-d',
    `${options.seconds}s`,
    '--latency',
    url,
  ]);
  const field = (pattern: RegExp) => {
    const match = pattern.exec(stdout);
    if (!match) throw new Error(`unexpected wrk output:\n${stdout}`);
    return match;
  };
  const transfer = field(/Transfer\/sec:\s+([\d.]+)(B|KB|MB|GB)/);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    requestsPerSecond: Number(field(/Requests\/sec:\s+([\d.]+)/)[1]),
    bytesPerSecond: Number(transfer[1]) * units[transfer[2]!]!,
    p50Ms: milliseconds(field(/ 50%\s+(\S+)/)[1]!),
    p99Ms: milliseconds(field(/ 99%\s+(\S+)/)[1]!),
    failures:
      Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0) +
      (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  };
}
