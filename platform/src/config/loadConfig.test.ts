import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadProcessorConfig, loadServerConfig } from './index.js';

const secrets = { JWT_SECRET: 'j'.repeat(40), URL_SIGNING_SECRET: 'u'.repeat(40) };

describe('config', () => {
  it('has the documented defaults', () => {
    const config = loadServerConfig({ ...secrets });
    expect(config.port).toBe(3000);
    expect(config.allowedNetworks).toEqual(['127.0.0.1/32', '::1/128', '192.168.1.0/24', '10.8.0.0/24']);
    expect(config.sessionIdleMinutes).toBe(30);
    expect(config.maxDevicesPerUser).toBe(5);
    expect(path.isAbsolute(config.assetsDir)).toBe(true);
    expect(config.masterKeyFile).toBe(path.join(config.privateDir, 'master.key'));
  });

  it.each([
    ['PORT', 'eighty'],
    ['ALLOWED_NETWORKS', '10.8.0.0/24,not-a-network'],
    ['ALLOWED_NETWORKS', ''],
    ['ALLOWED_NETWORKS', '010.8.0.0/24'],
    ['TRUSTED_PROXIES', '127.0.0.1/8'],
    ['WORKERS', '0'],
    ['KEEP_ORIGINALS', 'maybe'],
    ['VIDEO_MAX_HEIGHT', '2160'],
    ['SESSION_IDLE_MINUTES', '-5'],
    ['DATABASE_URL', 'not a url'],
  ])('a bad %s stops start-up with a message naming it', (name, value) => {
    const processorOnly = ['WORKERS', 'KEEP_ORIGINALS', 'VIDEO_MAX_HEIGHT'];
    const load = processorOnly.includes(name) ? loadProcessorConfig : loadServerConfig;
    expect(() => load({ ...secrets, [name]: value })).toThrow(ConfigError);
    expect(() => load({ ...secrets, [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('tops the video ladder at 1080 unless VIDEO_MAX_HEIGHT says 720 (a slow machine)', () => {
    expect(loadProcessorConfig({ ...secrets }).videoMaxHeight).toBe(1080);
    expect(loadProcessorConfig({ ...secrets, VIDEO_MAX_HEIGHT: '720' }).videoMaxHeight).toBe(720);
  });

  it('reads secrets from *_FILE', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-config-'));
    const file = path.join(dir, 'jwt');
    fs.writeFileSync(file, `${'s'.repeat(48)}\n`);
    const config = loadServerConfig({ JWT_SECRET_FILE: file, URL_SIGNING_SECRET: secrets.URL_SIGNING_SECRET });
    expect(config.jwtSecret).toBe('s'.repeat(48));
    expect(() => loadServerConfig({ ...secrets, JWT_SECRET_FILE: file })).toThrow(/JWT_SECRET and JWT_SECRET_FILE/);
    expect(() =>
      loadServerConfig({ JWT_SECRET_FILE: path.join(dir, 'missing'), URL_SIGNING_SECRET: 'u'.repeat(40) }),
    ).toThrow(/JWT_SECRET_FILE: cannot read/);
  });

  it('falls back to the secrets scripts/init wrote, and says to run it when they are missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-private-'));
    expect(() => loadServerConfig({ PRIVATE_DIR: dir })).toThrow(/JWT_SECRET: .*run scripts\/init/);
    fs.writeFileSync(path.join(dir, 'jwt.secret'), 'a'.repeat(64));
    fs.writeFileSync(path.join(dir, 'url-signing.secret'), 'b'.repeat(64));
    const config = loadServerConfig({ PRIVATE_DIR: dir });
    expect(config.jwtSecret).toBe('a'.repeat(64));
    expect(config.urlSigningSecret).toBe('b'.repeat(64));
  });
});
