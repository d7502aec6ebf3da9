import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { repoRoot } from './repoRoot.js';

/** `.env` at the repository's root, as docker compose reads it; absent is fine. */
export function readDotEnv(file = path.join(repoRoot, '.env')): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  return parseEnv(text) as Record<string, string>;
}

/** Values from `.env` under those of the environment, then `defaults` under both. */
export function withDefaults(
  env: NodeJS.ProcessEnv,
  dotEnv: Record<string, string>,
  defaults: Record<string, string>,
): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...dotEnv, ...env };
  for (const [name, value] of Object.entries(defaults)) {
    if (merged[name] === undefined || merged[name] === '') merged[name] = value;
  }
  return merged;
}

/** Where `npm start` keeps what it makes while running (nginx's rendered config, pid, logs); gitignored. */
export function runDir(env: NodeJS.ProcessEnv): string {
  return path.resolve(repoRoot, env.KEEPSAKE_RUN_DIR || '.run');
}

/**
 * The native topology's settings, the same as the containers' where they mean the same:
 * nginx on 1027 with TLS from PRIVATE_DIR, the server on loopback only, believing nginx's
 * X-Real-IP and letting it send segments (X-Accel-Redirect).
 */
export function startEnvironment(env: NodeJS.ProcessEnv, dotEnv: Record<string, string>): NodeJS.ProcessEnv {
  const merged = withDefaults(env, dotEnv, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '3000',
    NGINX_LISTEN: '1027',
    ACCEL_REDIRECT: 'true',
    TRUSTED_PROXIES: '127.0.0.1/32,::1/128',
    WEB_DIST_DIR: path.join(repoRoot, 'web/dist'),
  });
  // nginx reaches the server where it listens; "every interface" is reached on loopback.
  const host = merged.HOST === '0.0.0.0' || merged.HOST === '::' ? '127.0.0.1' : merged.HOST!;
  merged.NGINX_UPSTREAM ||= `${host.includes(':') ? `[${host}]` : host}:${merged.PORT}`;
  return merged;
}

/** Development: sources with hot reload, readable debug logs, no nginx (Vite proxies /api). */
export function devEnvironment(env: NodeJS.ProcessEnv, dotEnv: Record<string, string>): NodeJS.ProcessEnv {
  const merged = withDefaults(env, dotEnv, {
    NODE_ENV: 'development',
    LOG_LEVEL: 'debug',
    LOG_PRETTY: 'true',
    HOST: '127.0.0.1',
    PORT: '3000',
    ACCEL_REDIRECT: 'false',
    WEB_DEV_PORT: '5173',
    WEB_DIST_DIR: path.join(repoRoot, 'web/dist'),
  });
  merged.KEEPSAKE_API_URL ||= `http://127.0.0.1:${merged.PORT}`;
  return merged;
}
