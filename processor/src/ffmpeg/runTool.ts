import { spawn, type StdioOptions } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface ToolRun {
  command: string;
  args: string[];
  signal?: AbortSignal;
  /** Called with each chunk the tool writes on stdout (ffmpeg's -progress pipe:1). */
  onStdout?: (chunk: string) => void;
  /** Extra output pipes, fd 3 and up, collected whole (previews never touch the disk in plaintext). */
  extraPipes?: number;
}

export interface ToolResult {
  stdout: string;
  stderr: string;
  pipes: Buffer[];
}

export class ToolFailure extends Error {
  override name = 'ToolFailure';
  constructor(
    message: string,
    readonly stderr: string,
    readonly exitCode: number | null,
    readonly aborted: boolean,
  ) {
    super(message);
  }
}

function collect(stream: Readable | null | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (!stream) return resolve(Buffer.alloc(0));
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * Runs ffmpeg, ffprobe or heif-convert. Aborting the signal kills the process (a hung
 * ffmpeg must not hold a worker); the last lines of stderr explain a failure.
 */
export function runTool(run: ToolRun): Promise<ToolResult> {
  const stdio: StdioOptions = ['ignore', 'pipe', 'pipe', ...Array<'pipe'>(run.extraPipes ?? 0).fill('pipe')];
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) return reject(new ToolFailure(`${run.command} not started: aborted`, '', null, true));
    const child = spawn(run.command, run.args, { stdio });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (run.onStdout) run.onStdout(chunk);
      else stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      // Keep only the end: ffmpeg can be chatty for hours.
      stderr = (stderr + chunk).slice(-16_384);
    });
    const pipes = Promise.all(
      Array.from({ length: run.extraPipes ?? 0 }, (_, i) => collect(child.stdio[3 + i] as Readable)),
    );
    const onAbort = () => child.kill('SIGKILL');
    run.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      run.signal?.removeEventListener('abort', onAbort);
      reject(new ToolFailure(`${run.command} could not start: ${error.message}`, stderr, null, false));
    });
    child.on('close', (code) => {
      run.signal?.removeEventListener('abort', onAbort);
      const aborted = run.signal?.aborted ?? false;
      if (code !== 0 || aborted) {
        const reason = aborted ? 'was stopped' : `exited with ${code}`;
        const lastLines = stderr.trim().split('\n').slice(-3).join(' / ');
        return reject(
          new ToolFailure(`${run.command} ${reason}${lastLines ? `: ${lastLines}` : ''}`, stderr, code, aborted),
        );
      }
      pipes.then((buffers) => resolve({ stdout, stderr, pipes: buffers }), reject);
    });
  });
}
