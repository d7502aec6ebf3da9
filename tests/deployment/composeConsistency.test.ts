import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commonSpecs, initSpecs, processorSpecs, secretNames, serverSpecs } from '@keepsake/platform';
import { repoRoot, startEnvironment, stopGraceMs as launcherGraceMs } from '@keepsake/launcher';
import { stopGraceMs as processorGraceMs } from '@keepsake/processor';
import { commandLine, mounts, readCompose, type ComposeConfig, type ComposeService } from './support/readCompose.js';
import { readDockerfile, type Dockerfile } from './support/readDockerfile.js';
import { serviceEnvironment, stageOf as stageIn } from './support/serviceEnvironment.js';
import { documentedVariables } from './support/documentedVariables.js';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const fileVariants = secretNames.map((name) => `${name}_FILE`);
const names = (...specs: object[]) => new Set([...specs.flatMap((spec) => Object.keys(spec)), ...fileVariants]);

/** The five long-running services of the issue; the others run once (init, migrate) or on demand (tools). */
const fiveServices = ['nginx', 'server', 'processor', 'postgres', 'redis'];
const dataDirs = { IMPORTS_DIR: './imports', ASSETS_DIR: './assets', PRIVATE_DIR: './private' } as const;
/** Which services use each data folder. */
const usesDir: Record<keyof typeof dataDirs, string[]> = {
  IMPORTS_DIR: ['server', 'processor'],
  ASSETS_DIR: ['server', 'processor', 'nginx', 'init', 'backup', 'restore'],
  // The others are handed single files of it (composeSecrets.test.ts).
  PRIVATE_DIR: ['init', 'backup', 'restore'],
};

/**
 * docker-compose.yml, the Dockerfile, nginx/render and the native `npm start` describe one
 * installation; nothing runs the images here, so these checks keep them from drifting apart.
 */
describe('compose, Dockerfile and npm start agree', () => {
  let compose: ComposeConfig;
  let dev: ComposeConfig;
  let dockerfile: Dockerfile;
  let renderVariables: Set<string>;
  let initVariables: Set<string>;

  const stageOf = (service: ComposeService) => stageIn(compose, dockerfile, service);
  const environment = (service: ComposeService) => serviceEnvironment(compose, dockerfile, service);

  beforeAll(async () => {
    compose = await readCompose('docker-compose.yml');
    dev = await readCompose('docker-compose.yml', 'docker-compose.dev.yml');
    dockerfile = await readDockerfile();
    renderVariables = await documentedVariables('nginx/render');
    initVariables = await documentedVariables('scripts/init');
  });

  it('sets, in compose and in the Dockerfile, only variables the code reads', () => {
    const readers: Record<string, Set<string>> = {
      server: names(serverSpecs),
      processor: names(processorSpecs),
      migrate: names(commonSpecs),
      backup: names(commonSpecs),
      restore: names(commonSpecs),
      init: new Set([...initVariables, ...Object.keys(initSpecs)]),
      nginx: renderVariables,
      // The gallery's dev server: what web/vite.config.ts reads.
      web: new Set([...read('web/vite.config.ts').matchAll(/process\.env\.([A-Z_]+)/g)].map((match) => match[1]!)),
    };
    for (const [config, label] of [
      [compose, 'docker-compose.yml'],
      [dev, 'with docker-compose.dev.yml'],
    ] as const) {
      for (const [name, service] of Object.entries(config.services)) {
        if (name === 'postgres' || name === 'redis') continue; // their images' own variables
        const known = readers[name];
        expect(known, `${label}: no reader known for service ${name}`).toBeDefined();
        for (const variable of Object.keys(service.environment ?? {})) {
          expect(known!.has(variable), `${label}: ${name} sets ${variable}, which nothing there reads`).toBe(true);
        }
      }
    }
    const stageReaders: Record<string, Set<string>> = {
      'node-runtime': names(commonSpecs),
      server: names(serverSpecs),
      processor: names(processorSpecs),
      nginx: renderVariables,
    };
    for (const [stage, known] of Object.entries(stageReaders)) {
      for (const variable of Object.keys(dockerfile.stages.get(stage)!.env)) {
        expect(known.has(variable), `Dockerfile stage ${stage}: ENV ${variable} is read by nothing there`).toBe(true);
      }
    }
  });

  it('mounts the data folders where every service is told they are', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const env = environment(service);
      for (const [variable, hostDir] of Object.entries(dataDirs) as [keyof typeof dataDirs, string][]) {
        const inside = env[variable];
        if (!inside) continue;
        expect(inside.startsWith('/data/'), `${name}: ${variable}=${inside}`).toBe(true);
        // Others inherit the image's default without using it (migrate only needs the database).
        if (!usesDir[variable].includes(name)) continue;
        const mount = mounts(service).get(inside);
        expect(mount, `${name}: ${variable}=${inside} is not mounted`).toBeDefined();
        expect(mount!.source).toBe(path.join(repoRoot, hostDir));
      }
    }
    // The same paths are the images' own defaults.
    expect(dockerfile.stages.get('node-runtime')!.env).toMatchObject({
      IMPORTS_DIR: '/data/imports',
      ASSETS_DIR: '/data/assets',
      PRIVATE_DIR: '/data/private',
    });
    expect(dockerfile.stages.get('nginx')!.env).toMatchObject({
      ASSETS_DIR: '/data/assets',
      PRIVATE_DIR: '/data/private',
    });
  });

  it('mounts read-only wherever a service only reads', () => {
    const readOnly = (service: string, target: string) => mounts(compose.services[service]!).get(target)?.readOnly;
    expect(readOnly('backup', '/data/private'), 'backup private/').toBe(true);
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [target, mount] of mounts(service)) {
        if (mount.source.startsWith(path.join(repoRoot, 'private') + path.sep)) {
          expect(mount.readOnly, `${name}: ${target}`).toBe(true);
        }
      }
    }
    for (const service of ['server', 'nginx', 'backup']) {
      expect(readOnly(service, '/data/assets'), `${service} assets/`).toBe(true);
    }
    expect(readOnly('processor', '/data/assets')).toBe(false);
    // init hands the folders the services write to their user when root made them (a clone as root).
    for (const target of ['/data/assets', '/data/imports', '/data/backups']) {
      expect(readOnly('init', target), `init ${target}`).toBe(false);
    }
  });

  it('serves the gallery from where the build put it', () => {
    const server = dockerfile.stages.get('server')!;
    expect(server.env.WEB_DIST_DIR).toBe('/app/web/dist');
    expect(server.copies).toContainEqual({ from: 'build', sources: ['/app/web/dist'], destination: 'web/dist' });
    const nginx = dockerfile.stages.get('nginx')!;
    expect(nginx.copies).toContainEqual({
      from: 'build',
      sources: ['/app/web/dist'],
      destination: nginx.env.WEB_DIST_DIR,
    });
    expect(read('web/vite.config.ts')).toMatch(/outDir: 'dist'/);
    expect(startEnvironment({}, {}).WEB_DIST_DIR).toBe(path.join(repoRoot, 'web/dist'));
  });

  it('uses port 3000 for the server and 1027 for nginx everywhere', () => {
    const native = startEnvironment({}, {});
    const server = compose.services.server!;
    const nginx = compose.services.nginx!;
    expect(environment(server).PORT).toBe('3000');
    expect(dockerfile.stages.get('server')!.expose).toEqual(['3000']);
    expect(serverSpecs.PORT.default).toBe(3000);
    expect(native.PORT).toBe('3000');
    expect(native.NGINX_UPSTREAM).toBe('127.0.0.1:3000');
    expect(environment(nginx).NGINX_UPSTREAM).toBe('server:3000');
    expect(commandLine({ entrypoint: server.healthcheck!.test })).toContain('http://127.0.0.1:3000/api/health');

    expect(nginx.ports).toEqual([{ published: 1027, target: 1027 }]);
    expect(dockerfile.stages.get('nginx')!.expose).toEqual(['1027']);
    expect(read('nginx/render')).toContain('${NGINX_LISTEN:-1027}');
    expect(native.NGINX_LISTEN).toBe('1027');
    expect(commandLine({ entrypoint: nginx.healthcheck!.test })).toContain('/dev/tcp/127.0.0.1/1027');
    expect(serverSpecs.PUBLIC_BASE_URL.default).toBe('https://localhost:1027');
    expect(environment(server).PUBLIC_BASE_URL).toBe('https://localhost:1027');
    expect(environment(compose.services.init!).PUBLIC_BASE_URL).toBe('https://localhost:1027');
  });

  it('runs commands that exist in the build output its image carries', () => {
    const commands: [string, ComposeService, string][] = [];
    for (const [name, service] of Object.entries(compose.services)) {
      commands.push([name, service, commandLine(service)]);
      if (service.healthcheck)
        commands.push([`${name} healthcheck`, service, commandLine({ entrypoint: service.healthcheck.test })]);
    }
    // The images' own commands, and those people type (README) and cron runs, in the images they name.
    commands.push(['server image', compose.services.server!, dockerfile.stages.get('server')!.cmd!]);
    commands.push(['processor image', compose.services.processor!, dockerfile.stages.get('processor')!.cmd!]);
    commands.push(['README: first admin', compose.services.server!, 'node server/dist/cli/user.js create --admin']);
    commands.push(['cron: rotate-keys --docker', compose.services.processor!, read('scripts/cron/rotate-keys')]);
    let checked = 0;
    for (const [what, service, line] of commands) {
      const stage = stageOf(service)!;
      for (const match of line.matchAll(/(?:\/app\/)?(\w+)\/dist\/([\w/]+)\.js/g)) {
        const [, workspace, entry] = match;
        expect(
          fs.existsSync(path.join(repoRoot, workspace!, 'src', `${entry}.ts`)),
          `${what}: ${match[0]} has no source`,
        ).toBe(true);
        const carried = [stage, dockerfile.stages.get(stage.from)].some((s) =>
          s?.copies.some((copy) => copy.destination === `${workspace}/dist`),
        );
        expect(carried, `${what}: the ${stage.name} image does not carry ${workspace}/dist`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    expect(read('README.md')).toContain('docker compose exec server node server/dist/cli/user.js create --admin');
  });

  it('copies every workspace’s package.json before npm ci in the image build', () => {
    const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
    const build = dockerfile.stages.get('build')!;
    for (const workspace of workspaces) {
      expect(build.copies, workspace).toContainEqual({
        from: undefined,
        sources: [`${workspace}/package.json`],
        destination: `${workspace}/`,
      });
    }
  });

  it('believes forwarded addresses only from nginx, and never allows the Docker ranges', () => {
    const nginxAddress = compose.services.nginx!.networks!.internal!.ipv4_address!;
    expect(environment(compose.services.server!).TRUSTED_PROXIES).toBe(`${nginxAddress}/32`);
    expect(compose.networks.internal!.ipam!.config![0]!.subnet).toBe(`${nginxAddress.replace(/\.\d+$/, '.0')}/24`);

    const defaults = serverSpecs.ALLOWED_NETWORKS.default!.join(',');
    expect(environment(compose.services.server!).ALLOWED_NETWORKS).toBe(defaults);
    expect(environment(compose.services.nginx!).ALLOWED_NETWORKS).toBe(defaults);
    expect(read('nginx/allowed-networks')).toContain(`\ndefaults=${defaults}\n`);
    // init limits the local CA to these ranges' addresses, among others.
    expect(environment(compose.services.init!).ALLOWED_NETWORKS).toBe(defaults);
    expect(read('scripts/init')).toContain(`\${ALLOWED_NETWORKS:-${defaults}}`);
    expect(environment(compose.services.init!).VPN_SUBNET).toBe(serverSpecs.VPN_SUBNET.default!.join(','));
    expect(read('scripts/init')).toContain(`\${VPN_SUBNET:-${serverSpecs.VPN_SUBNET.default!.join(',')}}`);
    expect(defaults).not.toMatch(/(^|,)(172\.|192\.168\.65\.)/);

    expect(environment(compose.services.server!).ACCEL_REDIRECT).toBe('true');
    expect(startEnvironment({}, {})).toMatchObject({ ACCEL_REDIRECT: 'true', TRUSTED_PROXIES: '127.0.0.1/32,::1/128' });
  });

  it('health-checks the five services, starts them in order and restarts them', () => {
    for (const name of fiveServices) {
      const service = compose.services[name]!;
      expect(service.healthcheck, name).toBeDefined();
      expect(service.restart, name).toBe('unless-stopped');
    }
    const after = (name: string) => compose.services[name]!.depends_on;
    expect(after('postgres')).toEqual({ init: { condition: 'service_completed_successfully' } });
    expect(after('redis')).toEqual({ init: { condition: 'service_completed_successfully' } });
    expect(after('migrate')).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const name of ['server', 'processor']) {
      expect(after(name), name).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
      });
    }
    expect(after('nginx')).toEqual({ server: { condition: 'service_healthy' } });
  });

  it('gives server and processor the time they take to stop, natively and in compose', () => {
    const seconds = (value: string | undefined) => Number(/^(\d+)s$/.exec(value ?? '')?.[1]);
    expect(seconds(compose.services.processor!.stop_grace_period) * 1000).toBe(launcherGraceMs.processor);
    expect(seconds(compose.services.server!.stop_grace_period) * 1000).toBe(launcherGraceMs.server);
    expect(launcherGraceMs.processor).toBeGreaterThan(processorGraceMs);
  });

  it('pins base images by version and runs the services as non-root', () => {
    for (const [arg, image] of Object.entries(dockerfile.args)) expect(image, arg).toMatch(/:\d+\.\d+/);
    for (const stage of dockerfile.stages.values()) {
      expect(stage.from === stage.from.toLowerCase() || stage.from.startsWith('${'), stage.name).toBe(true);
    }
    for (const name of ['postgres', 'redis']) expect(compose.services[name]!.image, name).toMatch(/:\d+\.\d+/);
    expect(dockerfile.stages.get('server')!.user).toBe('node');
    expect(dockerfile.stages.get('processor')!.user).toBe('node');
    expect(dockerfile.stages.get('nginx')!.user).toBe('1000:1000');
    // The processor image decodes what the processor needs: ffmpeg and iPhone HEIC photos.
    expect(dockerfile.stages.get('processor')!.run.join(' ')).toMatch(/ffmpeg.*libheif-examples/);
  });

  it('publishes ports only on 127.0.0.1 in development, and nothing but 1027 in production', () => {
    const published = Object.entries(compose.services).filter(([, service]) => service.ports);
    expect(published.map(([name]) => name)).toEqual(['nginx']);
    for (const [name, service] of Object.entries(dev.services)) {
      if (name === 'nginx') continue; // only with --profile with-nginx
      for (const port of service.ports ?? []) expect(String(port), name).toMatch(/^127\.0\.0\.1:/);
    }
  });
});
