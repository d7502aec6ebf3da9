import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../repoRoot.js';
import { runStep } from '../supervise/runStep.js';

export interface RenderedNginx {
  /** The folder nginx runs from: its config, pid file, temp folders and (by default) logs. */
  dir: string;
  conf: string;
  accessLog: string;
  errorLog: string;
}

/**
 * Renders nginx's configuration from `env` with nginx/render, exactly as the container's
 * entrypoint does, into `dir`.
 */
export async function renderNginx(dir: string, env: NodeJS.ProcessEnv): Promise<RenderedNginx> {
  await runStep('nginx/render', path.join(repoRoot, 'nginx/render'), [dir], { cwd: repoRoot, env });
  const absolute = path.resolve(dir);
  return {
    dir: absolute,
    conf: path.join(absolute, 'nginx.conf'),
    accessLog: env.NGINX_ACCESS_LOG || path.join(absolute, 'logs', 'access.log'),
    errorLog: env.NGINX_ERROR_LOG || path.join(absolute, 'logs', 'error.log'),
  };
}

/** nginx lives in /usr/sbin on Debian (not on a normal user's PATH) and in Homebrew's bin on a Mac. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NGINX_BIN) return env.NGINX_BIN;
  const dirs = [...(env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/opt/homebrew/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'nginx');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return 'nginx';
}

/**
 * The command that runs a rendered nginx in the foreground as the current user: every path
 * it writes (pid, temp files, logs) is in the rendered folder or the logs it was given.
 */
export function nginxCommand(rendered: RenderedNginx, env: NodeJS.ProcessEnv = process.env) {
  return {
    command: findNginx(env),
    args: ['-p', rendered.dir, '-e', rendered.errorLog, '-c', rendered.conf, '-g', 'daemon off;'],
  };
}
