import fs from 'node:fs/promises';
import path from 'node:path';
import { nginxCommand, renderNginx } from '@keepsake/launcher';
import { startProcess, type RunningProcess } from './childProcess.js';
import { freePort } from './freePort.js';
import { httpsRequest, type HttpsAnswer, type HttpsRequestOptions } from './httpsRequest.js';
import type { StackDirs } from './stackDirs.js';
import { waitForReady } from './waitForHttp.js';

export interface NginxOptions {
  /** The port it listens on, on every interface; default a free one. */
  port?: number;
  /** false renders with NGINX_ALLOWLIST=false: the server's own check is then the only one. */
  allowlist?: boolean;
  /** More environment for nginx/render (e.g. ALLOWED_NETWORKS). */
  env?: Record<string, string>;
}

export interface RunningNginx {
  port: number;
  /** https://127.0.0.1:<port> */
  baseUrl: string;
  /** The install's CA certificate (private/ca.crt): what a phone trusts. */
  ca: Buffer;
  /** The rendered folder (nginx.conf, logs/). */
  dir: string;
  accessLog: string;
  errorLog: string;
  process: RunningProcess;
  /** An HTTPS request to a path (or a full URL) through this nginx, trusting only the install's CA. */
  request(pathOrUrl: string, options?: Omit<HttpsRequestOptions, 'ca'>): Promise<HttpsAnswer>;
  /** The access log, one parsed JSON object per request so far. */
  accessLogEntries(): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

export interface NginxUpstream {
  /** The environment the server runs with (ALLOWED_NETWORKS, ASSETS_DIR, PRIVATE_DIR, WEB_DIST_DIR…). */
  env: NodeJS.ProcessEnv;
  dirs: StackDirs;
  /** The server's port on 127.0.0.1. */
  port: number;
}

let instances = 0;

/**
 * The real nginx, rendered by nginx/render from the same environment as the server and run
 * the way `npm start` runs it (the launcher's command line), in front of a running server.
 */
export async function startNginx(upstream: NginxUpstream, options: NginxOptions = {}): Promise<RunningNginx> {
  const port = options.port ?? (await freePort('0.0.0.0'));
  instances += 1;
  const env: NodeJS.ProcessEnv = {
    ...upstream.env,
    NGINX_LISTEN: String(port),
    NGINX_UPSTREAM: `127.0.0.1:${upstream.port}`,
    NGINX_ALLOWLIST: options.allowlist === false ? 'false' : 'true',
    ...options.env,
  };
  const rendered = await renderNginx(path.join(upstream.dirs.root, `nginx-${instances}`), env);
  const { command, args } = nginxCommand(rendered, env);
  const running = startProcess(`nginx :${port}`, command, args, env);
  const ca = await fs.readFile(path.join(upstream.dirs.private, 'ca.crt'));
  const baseUrl = `https://127.0.0.1:${port}`;
  const request = (pathOrUrl: string, requestOptions: Omit<HttpsRequestOptions, 'ca'> = {}) =>
    httpsRequest(pathOrUrl.startsWith('https://') ? pathOrUrl : `${baseUrl}${pathOrUrl}`, { ...requestOptions, ca });
  // Up once it answers over TLS at all: a test may start one that refuses this very client.
  await waitForReady(
    `${baseUrl}/api/health`,
    async () => {
      await request('/api/health');
      return true;
    },
    running,
  );
  return {
    port,
    baseUrl,
    ca,
    dir: rendered.dir,
    accessLog: rendered.accessLog,
    errorLog: rendered.errorLog,
    process: running,
    request,
    accessLogEntries: async () => {
      const text = await fs.readFile(rendered.accessLog, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    stop: () => running.stop(),
  };
}
