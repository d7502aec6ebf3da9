import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ComposeOptions {
  input?: string;
  timeoutMs?: number;
  /** Ends the command (SIGTERM) when aborted, e.g. once a watcher has seen a service fail. */
  signal?: AbortSignal;
}

export interface Compose {
  /** `docker compose` (v2) or `docker-compose` (v1), as found. */
  client: string;
  /** Runs a compose command in the install's folder; throws with its output when it fails. */
  (args: string[], options?: ComposeOptions): Promise<string>;
}

/** Docker's own CLI with the daemon the test uses. */
export async function docker(dockerHost: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const { stdout } = await run('docker', args, {
    env: { ...process.env, DOCKER_HOST: dockerHost },
    maxBuffer: 64 << 20,
    timeout: timeoutMs,
  });
  return stdout;
}

/** A container's last log lines: docker logs replays its stderr on stderr, so both, interleaved by line. */
export async function containerLogTail(dockerHost: string, container: string, lines: number): Promise<string> {
  const { stdout, stderr } = await run('docker', ['logs', '--tail', String(lines), container], {
    env: { ...process.env, DOCKER_HOST: dockerHost },
    maxBuffer: 64 << 20,
  }).catch((error: Error & { stdout?: string; stderr?: string }) => ({
    stdout: error.stdout ?? '',
    stderr: error.stderr ?? error.message,
  }));
  return `${stdout}${stderr}`;
}

async function composeCommand(env: NodeJS.ProcessEnv): Promise<string[]> {
  try {
    await run('docker', ['compose', 'version'], { env });
    return ['docker', 'compose'];
  } catch {
    return ['docker-compose'];
  }
}

/**
 * The README's compose commands for the install in `dir`: v2 where the docker CLI has the
 * plugin, else Debian's docker-compose (v1). Output is stdout and stderr together (compose
 * writes its progress to stderr).
 */
export async function composeFor(dir: string, dockerHost: string): Promise<Compose> {
  const env = { ...process.env, DOCKER_HOST: dockerHost, COMPOSE_INTERACTIVE_NO_CLI: '1' };
  const [command, ...prefix] = await composeCommand(env);
  const compose = (args: string[], options: ComposeOptions = {}) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(command!, [...prefix, ...args], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let output = '';
      const record = (chunk: Buffer) => (output += chunk.toString());
      child.stdout.on('data', record);
      child.stderr.on('data', record);
      child.stdin.end(options.input ?? '');
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
      options.signal?.addEventListener('abort', () => child.kill('SIGTERM'), { once: true });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve(output);
        else
          reject(
            new Error(`${[command, ...prefix, ...args].join(' ')} failed (${code ?? signal}):\n${output.slice(-6000)}`),
          );
      });
    });
  return Object.assign(compose, { client: [command, ...prefix].join(' ') });
}
