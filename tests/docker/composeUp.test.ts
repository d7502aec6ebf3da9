import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImage, generateVideo, httpsRequest, repoRoot, sha256, waitFor } from '@keepsake/testkit';
import { composeFor, docker, type Compose } from './support/compose.js';
import { freshClone } from './support/freshClone.js';
import { makeLanClient, type LanClient } from './support/lanClient.js';
import { measureNativeStart } from './support/nativeStart.js';
import { serviceReport, waitForHealthy } from './support/serviceStates.js';

const run = promisify(execFile);

/** A folder named like the repository, so the compose project is `keepsake`, as a user's is. */
const project = 'keepsake';
const services = ['init', 'postgres', 'redis', 'migrate', 'server', 'processor', 'nginx'];
/** A bound, not a measurement: a first start on a busy 2-core machine (database initdb included). */
const healthyWithinMs = 300_000;
const admin = { username: 'anna', email: 'anna@example.com', full_name: 'Anna Berg', password: 'Meadow#Lane64-docker' };
const passphrase = 'correct horse battery staple';

interface MediaItem {
  id: string;
  type: 'image' | 'video';
  thumbnail_url: string;
  stream_url: string | null;
}

/** Each file of private/ with its mode and owner, as `0600 1000:1000`. */
async function privateModes(dir: string): Promise<Record<string, string>> {
  const modes: Record<string, string> = {};
  for (const name of ['.', ...(await fs.readdir(dir))]) {
    const stat = await fs.stat(path.join(dir, name));
    modes[name] = `${(stat.mode & 0o7777).toString(8).padStart(4, '0')} ${stat.uid}:${stat.gid}`;
  }
  return modes;
}

/**
 * The README's first command, for real, on a fresh clone with an empty .env: the images built
 * from the project's Dockerfile (on stand-in bases where no registry answers:
 * scripts/docker-bases), `docker compose up -d`, and what a new user then sees. The Docker
 * daemon is scripts/docker-daemon's, which leaves the host's forwarding alone.
 */
describe('docker compose up -d on a fresh clone', () => {
  let work: string;
  let dir: string;
  let dockerHost: string;
  let startedDaemon = false;
  let compose: Compose;
  let lan: LanClient;
  let caFile: string;
  let token = '';
  let items: MediaItem[] = [];
  let modes: Record<string, string>;
  let masterKey: string;
  const figures: Record<string, unknown> = {};
  const forwardBefore = { policy: '', ipForward: '' };

  const report = () => serviceReport(dockerHost, project);
  /** Runs `step`; a failure carries the services' states and last log lines. */
  const withReport = async <T>(what: string, step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      throw new Error(`${what}: ${(error as Error).message}\n\n${await report().catch((e: Error) => e.message)}`);
    }
  };
  const api = async <T = unknown>(method: string, urlPath: string, body?: unknown) => {
    const answer = await lan.curl(urlPath, {
      caFile,
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: answer.status,
      headers: answer.headers,
      body: answer.body,
      json: () => JSON.parse(answer.body) as T,
    };
  };
  const upAndHealthy = async (what: string) => {
    const started = Date.now();
    // Watched while `up -d` runs: compose v1 waits on a dependency that will never be healthy.
    const stop = new AbortController();
    const up = withReport(`${compose.client} up -d (${what})`, () =>
      compose(['up', '-d'], { timeoutMs: healthyWithinMs, signal: stop.signal }),
    );
    const healthy = waitForHealthy(dockerHost, project, services, healthyWithinMs, stop.signal);
    await Promise.all([up, healthy]).catch((error: Error) => {
      stop.abort();
      throw error;
    });
    await lan.attach();
    return Date.now() - started;
  };
  const signIn = async () => {
    token = '';
    const answer = await api<{ access_token: string }>('POST', '/api/auth/login', {
      login: admin.username,
      password: admin.password,
    });
    expect(answer.status, answer.body).toBe(200);
    token = answer.json().access_token;
  };
  const library = async () => {
    const answer = await api<{ items: MediaItem[] }>('GET', '/api/media/library?sort=name&order=asc');
    expect(answer.status, answer.body).toBe(200);
    return answer.json().items;
  };

  beforeAll(async () => {
    forwardBefore.policy = (await run('iptables', ['-S', 'FORWARD'])).stdout.split('\n')[0]!;
    forwardBefore.ipForward = (await fs.readFile('/proc/sys/net/ipv4/ip_forward', 'utf8')).trim();
    startedDaemon = !(await run(path.join(repoRoot, 'scripts/docker-daemon'), ['status']).then(
      () => true,
      () => false,
    ));
    const started = await run(path.join(repoRoot, 'scripts/docker-daemon'), ['start']);
    dockerHost = started.stdout.trim().replace(/^DOCKER_HOST=/, '');
    await run(path.join(repoRoot, 'scripts/docker-bases'), [], {
      env: { ...process.env, DOCKER_HOST: dockerHost },
      timeout: 1_500_000,
    }).catch((error: Error & { stderr?: string }) => {
      throw new Error(`scripts/docker-bases failed:\n${error.stderr ?? error.message}`);
    });

    work = await fs.mkdtemp('/var/tmp/keepsake-compose-');
    dir = path.join(work, project);
    await freshClone(repoRoot, dir);
    await fs.writeFile(path.join(dir, '.env'), '');
    caFile = path.join(dir, 'private', 'ca.crt');
    compose = await composeFor(dir, dockerHost);
    // A run that was killed leaves project keepsake's containers and volumes (a database made
    // with another password) in the kept data root: a fresh install starts without them.
    await compose(['down', '-v', '--remove-orphans'], { timeoutMs: 180_000 });
    // This daemon has no bridge or NAT for build steps: they use the host's network.
    const buildNetwork = path.join(work, 'build-network.yml');
    await fs.writeFile(
      buildNetwork,
      ['server', 'processor', 'nginx', 'init']
        .map((s) => `  ${s}:\n    build: { network: host }\n`)
        .join('')
        .replace(/^/, 'services:\n'),
    );
    const built = Date.now();
    await compose(['-f', 'docker-compose.yml', '-f', buildNetwork, 'build'], { timeoutMs: 1_800_000 });
    figures.buildSeconds = Math.round((Date.now() - built) / 1000);
    const network = `${project}_internal`;
    lan = await makeLanClient(dockerHost, network, '172.30.0.10');
  }, 3_600_000);

  afterAll(async () => {
    if (compose) await compose(['down', '-v', '--remove-orphans'], { timeoutMs: 180_000 }).catch(() => {});
    await lan?.remove();
    if (work) await fs.rm(work, { recursive: true, force: true });
    if (startedDaemon) await run(path.join(repoRoot, 'scripts/docker-daemon'), ['stop']);
    const policy = (await run('iptables', ['-S', 'FORWARD'])).stdout.split('\n')[0]!;
    const ipForward = (await fs.readFile('/proc/sys/net/ipv4/ip_forward', 'utf8')).trim();
    expect({ policy, ipForward }, 'the host forwarding as before').toEqual(forwardBefore);
  }, 300_000);

  it('brings every service up healthy, with the install answering on https://localhost:1027', async () => {
    figures.upToHealthySeconds = Math.round((await upAndHealthy('first start')) / 1000);
    const images = JSON.parse(
      await docker(dockerHost, [
        'image',
        'inspect',
        'keepsake-server:latest',
        'keepsake-processor:latest',
        'keepsake-nginx:latest',
      ]),
    ) as { RepoTags: string[]; Size: number }[];
    figures.imageMegabytes = Object.fromEntries(images.map((i) => [i.RepoTags[0], Math.round(i.Size / 1e6)]));
    console.log(
      `image sizes (MB): ${JSON.stringify(figures.imageMegabytes)}; up -d to healthy: ${figures.upToHealthySeconds} s`,
    );

    // From this machine itself the connection comes through docker-proxy: the answer's status
    // is the allowlist's business, but the certificate must be the install's own.
    const ca = await fs.readFile(caFile);
    const answer = await httpsRequest('https://localhost:1027/api/health', { ca });
    expect(answer.status).toBeGreaterThan(0);
    const served = await new Promise<X509Certificate>((resolve, reject) => {
      import('node:tls').then(({ connect }) => {
        const socket = connect({ host: 'localhost', port: 1027, ca, servername: 'localhost' }, () => {
          resolve(new X509Certificate(socket.getPeerX509Certificate()!.raw));
          socket.end();
        });
        socket.on('error', reject);
      }, reject);
    });
    const issued = new X509Certificate(await fs.readFile(path.join(dir, 'private', 'tls.crt')));
    expect(served.fingerprint256).toBe(issued.fingerprint256);
    expect(served.checkIssued(new X509Certificate(ca))).toBe(true);

    modes = await privateModes(path.join(dir, 'private'));
    masterKey = sha256(await fs.readFile(path.join(dir, 'private', 'master.key')));
  });

  it('creates the first admin with the setup code from `docker compose logs server`', async () => {
    const logs = await compose(['logs', '--no-color', 'server']);
    const code = /setup code ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(logs)?.[1];
    expect(code, `no setup code in the server's log:\n${logs.slice(-3000)}`).toBeTruthy();
    expect((await api<{ needed: boolean }>('GET', '/api/setup')).json()).toEqual({ needed: true });
    const created = await api('POST', '/api/setup', { setup_code: code, ...admin });
    expect(created.status, created.body).toBe(201);
    await signIn();
  });

  it('turns a photo and a video dropped into imports/ into tiles, and the video plays through nginx', async () => {
    const imports = path.join(dir, 'imports');
    const staging = path.join(work, 'media');
    await fs.mkdir(staging);
    const photo = await generateImage({
      file: path.join(staging, 'a-photo.jpg'),
      width: 640,
      height: 480,
      format: 'jpeg',
    });
    const video = await generateVideo({ file: path.join(staging, 'b-video.mp4'), width: 320, height: 240, seconds: 3 });
    // Dropped as a person copies files in: written elsewhere, then moved in whole.
    for (const file of [photo, video]) await fs.copyFile(file, path.join(imports, path.basename(file)));
    items = await withReport('waiting for two tiles', () =>
      waitFor(
        'two items in the library',
        async () => ((await library()).length === 2 ? library() : null),
        240_000,
        2_000,
      ),
    );
    expect(items.map((i) => i.type)).toEqual(['image', 'video']);
    for (const item of items) {
      const tile = await api('GET', item.thumbnail_url);
      expect(tile.status, `${item.type} tile`).toBe(200);
      expect(tile.headers['content-type']).toBe('image/webp');
    }
    const played = await withReport('ffmpeg playing the video', () => lan.play(items[1]!.stream_url!, caFile));
    expect(played).toBe('');
    expect(await fs.readdir(imports)).not.toContain('b-video.mp4');
  });

  it('keeps users, media and keys across `docker compose down` and `up -d`', async () => {
    await withReport('docker compose down', () => compose(['down'], { timeoutMs: 180_000 }));
    await upAndHealthy('after down');
    await signIn();
    const again = await library();
    expect(again.map((i) => i.id)).toEqual(items.map((i) => i.id));
    const tile = await api('GET', again[0]!.thumbnail_url);
    expect(tile.status).toBe(200);
    expect(await lan.play(again[1]!.stream_url!, caFile)).toBe('');
    expect(sha256(await fs.readFile(path.join(dir, 'private', 'master.key')))).toBe(masterKey);
    expect(await privateModes(path.join(dir, 'private'))).toEqual(modes);
  });

  it('runs Keepsake as non-root where the compose file and Dockerfile say so, and keeps private/ owner-only', async () => {
    const users: Record<string, string> = {};
    for (const service of ['server', 'processor', 'nginx', 'postgres']) {
      const id = (await compose(['ps', '-q', service])).trim().split('\n').at(-1)!;
      const top = await docker(dockerHost, ['top', id, '-eo', 'pid,uid,comm']);
      users[service] = [
        ...new Set(
          top
            .split('\n')
            .slice(1)
            .filter(Boolean)
            .map((l) => l.trim().split(/\s+/))
            // Docker runs a healthcheck with `docker exec` as the image's user: postgres's
            // `sh -c pg_isready`, every 5 s, is root for its moment, though the server is not.
            .filter(([, , comm]) => !(service === 'postgres' && (comm === 'pg_isready' || comm === 'sh')))
            .map(([, uid]) => uid),
        ),
      ].join(',');
    }
    expect(users).toEqual({ server: '1000', processor: '1000', nginx: '1000', postgres: '999' });
    expect(modes['.']).toBe('0700 1000:1000');
    for (const [name, mode] of Object.entries(modes)) {
      if (/\.(key|secret|url)$/.test(name)) expect(`${name} ${mode}`).toBe(`${name} 0600 1000:1000`);
    }
  });

  it('backs up with `docker compose run --rm backup` and restores onto an empty install', async () => {
    // As cron runs it: the passphrase from a file (compose v1 never ends a piped stdin, so
    // --passphrase-stdin would wait for ever there). Readable by the services' user only.
    const passphraseFile = path.join(dir, 'backups', '.passphrase');
    await fs.writeFile(passphraseFile, `${passphrase}\n`, { mode: 0o600 });
    await fs.chown(passphraseFile, 1000, 1000);
    const backedUp = await withReport('backup', () =>
      compose(['run', '--rm', '-T', 'backup', '--passphrase-file', '/backups/.passphrase'], { timeoutMs: 300_000 }),
    );
    const archive = (await fs.readdir(path.join(dir, 'backups'))).find((f) => f.endsWith('.tar'));
    expect(archive, backedUp).toBeTruthy();
    expect(((await fs.stat(path.join(dir, 'backups', archive!))).mode & 0o777).toString(8)).toBe('600');

    // The machine lost: containers, volumes, secrets and media gone; the archive kept.
    await compose(['down', '-v'], { timeoutMs: 180_000 });
    for (const folder of ['private', 'assets', 'imports'])
      for (const entry of await fs.readdir(path.join(dir, folder)))
        if (entry !== '.gitkeep') await fs.rm(path.join(dir, folder, entry), { recursive: true });

    // The README's steps.
    await upAndHealthy('empty install for the restore');
    await compose(['stop', 'nginx', 'server', 'processor'], { timeoutMs: 180_000 });
    await withReport('restore', () =>
      compose(['run', '--rm', '-T', 'restore', archive!, '--passphrase-file', '/backups/.passphrase'], {
        timeoutMs: 300_000,
      }),
    );
    await upAndHealthy('after the restore');
    // init reissues nothing it finds: the restored CA is the one to trust.
    expect(sha256(await fs.readFile(path.join(dir, 'private', 'master.key')))).toBe(masterKey);
    await signIn();
    const restored = await library();
    expect(restored.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect((await api('GET', restored[0]!.thumbnail_url)).status).toBe(200);
    expect(await lan.play(restored[1]!.stream_url!, caFile)).toBe('');
    // Restore keeps the master key it replaced (the empty install's) beside it, owner-only too.
    const after = await privateModes(path.join(dir, 'private'));
    const replaced = Object.keys(after).filter((name) => name.startsWith('master.key.replaced-'));
    expect(replaced.map((name) => after[name])).toEqual(['0600 1000:1000']);
    for (const name of replaced) delete after[name];
    expect(after).toEqual(modes);
  });

  it('measures `npm start` to healthy natively, beside the compose figures', async () => {
    await compose(['down'], { timeoutMs: 180_000 });
    figures.nativeStartToHealthySeconds = Math.round((await measureNativeStart()) / 1000);
    const file = path.join(repoRoot, 'test-output', 'compose-figures.json');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
    // Figures, not assertions: printed beside the recorded ones (bench/compose/baseline.json).
    const baseline = await fs.readFile(path.join(repoRoot, 'bench', 'compose', 'baseline.json'), 'utf8');
    console.log(`compose figures this run: ${JSON.stringify(figures)}\nrecorded: ${baseline}`);
    expect(figures.nativeStartToHealthySeconds).toBeGreaterThan(0);
  });
});
