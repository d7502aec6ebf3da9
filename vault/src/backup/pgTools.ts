import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OperatorError } from '@keepsake/platform';

/**
 * pg_dump / pg_restore with the connection from DATABASE_URL. The password goes in the
 * environment (PGPASSWORD), never on the command line where `ps` would show it.
 */
function connection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

interface PgTool {
  child: ChildProcess;
  /** Resolves when the tool exits 0; rejects with its stderr otherwise. */
  done: Promise<void>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, pipe: 'stdin' | 'stdout'): PgTool {
  const child = spawn(command, args, {
    env,
    stdio: [pipe === 'stdin' ? 'pipe' : 'ignore', pipe === 'stdout' ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new OperatorError(`${command} is not installed (Debian: apt-get install postgresql-client)`)
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new OperatorError(`${command} failed (exit ${code}): ${stderr.trim().slice(-2000)}`)),
    );
  });
  return { child, done };
}

/** Runs the tool while `work` feeds or drains it; whichever fails first stops the other. */
async function alongside(tool: PgTool, work: Promise<void>): Promise<void> {
  try {
    await Promise.all([work, tool.done]);
  } catch (error) {
    // A tool that stopped by itself says why (its stderr); the broken pipe it leaves does not.
    const stoppedByItself = tool.child.exitCode !== null || (error as NodeJS.ErrnoException).code === 'EPIPE';
    if (!stoppedByItself) tool.child.kill('SIGTERM');
    const toolError: unknown = await tool.done.then(
      () => undefined,
      (e: unknown) => e,
    );
    throw stoppedByItself && toolError ? toolError : error;
  }
}

/**
 * Streams a custom-format dump to `consume` (which seals it): the plaintext dump is never
 * written to disk. Read from a pipe, pg_restore reads it in order, which a plain restore does.
 */
export async function dumpDatabase(
  databaseUrl: string,
  consume: (dump: AsyncIterable<Buffer>) => Promise<void>,
): Promise<void> {
  const { url, env } = connection(databaseUrl);
  const tool = start('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--dbname=${url}`], env, 'stdout');
  await alongside(tool, consume(tool.child.stdout as Readable));
}

/**
 * Restores into a database whose tables may exist (migrated) but hold nothing, in one
 * transaction: a dump that fails part-way (or a stream that errors) leaves the database as it was.
 */
export async function restoreDatabase(databaseUrl: string, dump: Readable): Promise<void> {
  const { url, env } = connection(databaseUrl);
  const tool = start(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${url}`],
    env,
    'stdin',
  );
  await alongside(tool, pipeline(dump, tool.child.stdin as Writable));
}
