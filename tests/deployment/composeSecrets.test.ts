import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommonConfig, loadProcessorConfig, loadServerConfig } from '@keepsake/platform';
import { loadMasterKey } from '@keepsake/vault';
import { repoRoot } from '@keepsake/launcher';
import { mounts, readCompose, type ComposeConfig, type ComposeService } from './support/readCompose.js';
import { readDockerfile, type Dockerfile } from './support/readDockerfile.js';
import { serviceEnvironment } from './support/serviceEnvironment.js';

const privateDir = path.join(repoRoot, 'private');
const inside = '/data/private';

/** What each service is handed of private/, file by file: what its code reads, nothing more. */
const secretsOf: Record<string, string[]> = {
  nginx: ['tls-chain.crt', 'tls.key'],
  server: ['database.url', 'jwt.secret', 'master.key', 'redis.url', 'url-signing.secret'],
  processor: ['database.url', 'master.key', 'redis.url'],
  migrate: ['database.url'],
  postgres: ['postgres.password'],
  redis: ['redis.password'],
};
/**
 * The folder as a whole: init makes its files, backup archives all of them (encrypted; a file
 * left out would be lost with the disk), restore writes them back. The last two run only by hand.
 */
const wholeFolder = ['init', 'backup', 'restore'];

/** The private/ files a service's bind mounts hand it, and whether it gets the folder itself. */
function privateMounts(service: ComposeService) {
  const files: string[] = [];
  let folder = false;
  for (const [target, mount] of mounts(service)) {
    if (mount.source === privateDir) folder = true;
    else if (mount.source.startsWith(privateDir + path.sep)) files.push(path.relative(privateDir, mount.source));
    else if (privateDir.startsWith(mount.source + path.sep)) {
      // A parent of private/ (the source tree in development) must hide it.
      const hidden = path.posix.join(target, path.relative(mount.source, privateDir));
      const masked = service.tmpfs?.includes(hidden) || mounts(service).has(hidden);
      expect(masked, `${target} shows ${privateDir} unless ${hidden} is hidden`).toBe(true);
    }
  }
  return { files: files.sort(), folder };
}

describe('compose hands each service only the secrets it needs', () => {
  let configs: [string, ComposeConfig][];
  let compose: ComposeConfig;
  let dockerfile: Dockerfile;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-compose-secrets-'));
  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

  beforeAll(async () => {
    compose = await readCompose('docker-compose.yml');
    configs = [
      ['docker-compose.yml', compose],
      ['with docker-compose.dev.yml', await readCompose('docker-compose.yml', 'docker-compose.dev.yml')],
    ];
    dockerfile = await readDockerfile();
    // A real set of secrets, as the init service makes them.
    const init = spawnSync(path.join(repoRoot, 'scripts/init'), [], {
      env: {
        PATH: process.env.PATH,
        PRIVATE_DIR: path.join(temp, 'private'),
        ASSETS_DIR: path.join(temp, 'assets'),
        KEEPSAKE_INIT_SERVICE_SECRETS: 'true',
      },
      encoding: 'utf8',
    });
    expect(init.status, init.stderr).toBe(0);
  });

  it('mounts private/ whole only into init, backup and restore, and into the others exactly their files', () => {
    for (const [label, config] of configs) {
      for (const [name, service] of Object.entries(config.services)) {
        const { files, folder } = privateMounts(service);
        expect(folder, `${label}: ${name} mounts all of private/`).toBe(wholeFolder.includes(name));
        if (wholeFolder.includes(name)) {
          expect(mounts(service).get(inside)?.source, `${label}: ${name}`).toBe(privateDir);
          continue;
        }
        expect(files, `${label}: ${name}`).toEqual(secretsOf[name] ?? []);
      }
    }
  });

  it('puts each file where the code looks for it, read-only, and ca.key nowhere but init, backup and restore', () => {
    for (const name of ['nginx', 'server', 'processor', 'migrate']) {
      for (const [target, mount] of mounts(compose.services[name]!)) {
        if (!mount.source.startsWith(privateDir + path.sep)) continue;
        expect(target, name).toBe(path.posix.join(inside, path.relative(privateDir, mount.source)));
        expect(mount.readOnly, `${name}: ${target}`).toBe(true);
      }
    }
    for (const [name, service] of Object.entries(compose.services)) {
      if (wholeFolder.includes(name)) continue;
      expect(privateMounts(service).files, name).not.toContain('ca.key');
    }
  });

  /** A container's view of private/: only the files it is handed, in a folder of their own. */
  function handed(name: string, leaveOut?: string): Record<string, string> {
    const dir = fs.mkdtempSync(path.join(temp, `${name}-`));
    for (const file of secretsOf[name]!) {
      if (file !== leaveOut) fs.copyFileSync(path.join(temp, 'private', file), path.join(dir, file));
    }
    const env = serviceEnvironment(compose, dockerfile, compose.services[name]!);
    return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value.replaceAll(inside, dir)]));
  }

  const starts: Record<string, (env: Record<string, string>) => Promise<unknown>> = {
    server: async (env) => loadMasterKey(loadServerConfig(env).masterKeyFile),
    processor: async (env) => loadMasterKey(loadProcessorConfig(env).masterKeyFile),
    migrate: async (env) => loadCommonConfig(env).databaseUrl,
  };

  it.each(Object.keys(starts))('gives %s every secret its configuration and master key need', async (name) => {
    await expect(starts[name]!(handed(name))).resolves.toBeDefined();
    for (const file of secretsOf[name]!) {
      await expect(starts[name]!(handed(name, file)), `${name} without ${file}`).rejects.toThrow();
    }
  });

  it('gives nginx the certificate chain and key its configuration names, and the databases their passwords', () => {
    const render = fs.readFileSync(path.join(repoRoot, 'nginx/render'), 'utf8');
    const named = [...render.matchAll(/\$private_dir\/([\w.-]+)/g)].map((match) => match[1]!);
    expect([...new Set(named)].sort()).toEqual(secretsOf.nginx);

    const postgres = compose.services.postgres!;
    expect(mounts(postgres).get(postgres.environment!.POSTGRES_PASSWORD_FILE!)?.source).toBe(
      path.join(privateDir, 'postgres.password'),
    );
    const redis = compose.services.redis!;
    const [target] = [...mounts(redis)].find(([, mount]) => mount.source.endsWith('redis.password'))!;
    expect(redis.command!.join(' ')).toContain(`cat ${target}`);
  });
});
