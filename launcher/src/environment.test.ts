import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devEnvironment, readDotEnv, startEnvironment } from './environment.js';

describe('the launchers’ settings', () => {
  it('takes the environment over .env, and .env over the defaults', () => {
    const env = startEnvironment({ PORT: '4000' }, { PORT: '5000', NGINX_LISTEN: '8443', ACCEL_REDIRECT: '' });
    expect(env).toMatchObject({ PORT: '4000', NGINX_LISTEN: '8443', ACCEL_REDIRECT: 'true', HOST: '127.0.0.1' });
    expect(env.NGINX_UPSTREAM).toBe('127.0.0.1:4000');
  });

  it('sends nginx to loopback when the server listens on every interface', () => {
    expect(startEnvironment({ HOST: '0.0.0.0' }, {}).NGINX_UPSTREAM).toBe('127.0.0.1:3000');
    expect(startEnvironment({ HOST: '::1' }, {}).NGINX_UPSTREAM).toBe('[::1]:3000');
  });

  it('develops with readable debug logs and Vite pointed at the server', () => {
    expect(devEnvironment({ PORT: '3100' }, {})).toMatchObject({
      LOG_PRETTY: 'true',
      LOG_LEVEL: 'debug',
      ACCEL_REDIRECT: 'false',
      WEB_DEV_PORT: '5173',
      KEEPSAKE_API_URL: 'http://127.0.0.1:3100',
    });
  });

  it('reads .env as docker compose does, and a missing one as empty', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-env-'));
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, '# comment\nALLOWED_NETWORKS=10.8.0.0/24,192.168.1.0/24\nEXTRA_SANS="keepsake.lan"\n');
    expect(readDotEnv(file)).toEqual({ ALLOWED_NETWORKS: '10.8.0.0/24,192.168.1.0/24', EXTRA_SANS: 'keepsake.lan' });
    expect(readDotEnv(path.join(dir, 'missing'))).toEqual({});
    fs.rmSync(dir, { recursive: true });
  });
});
