import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const initScript = fileURLToPath(new URL('./init', import.meta.url));
const serverAuth = '1.3.6.1.5.5.7.3.1';
const secretFiles = ['master.key', 'jwt.secret', 'url-signing.secret', 'ca.key', 'tls.key'];
const certificateFiles = ['ca.crt', 'tls.crt', 'tls-chain.crt'];
const tlsFiles = ['tls.crt', 'tls-chain.crt', 'tls.sans'];
const everyFile = [...secretFiles, ...certificateFiles, 'tls.sans'].sort();

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

interface Install {
  root: string;
  privateDir: string;
  assetsDir: string;
  env: Record<string, string>;
}

/** A fresh place to run init in: PRIVATE_DIR not there yet, ASSETS_DIR empty. */
function install(env: Record<string, string> = {}): Install {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-init-'));
  roots.push(root);
  const privateDir = path.join(root, 'private');
  const assetsDir = path.join(root, 'assets');
  fs.mkdirSync(assetsDir);
  fs.writeFileSync(path.join(assetsDir, '.gitkeep'), '');
  return {
    root,
    privateDir,
    assetsDir,
    env: { PRIVATE_DIR: privateDir, ASSETS_DIR: assetsDir, PUBLIC_BASE_URL: 'https://keepsake.home:1027', ...env },
  };
}

/** Runs the script by its path with only the environment given (no INIT_CWD, no caller's settings). */
function runInit(env: Record<string, string>, options: { args?: string[]; cwd?: string } = {}) {
  const result = spawnSync(initScript, options.args ?? [], {
    cwd: options.cwd ?? os.tmpdir(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function initOk(env: Record<string, string>, options: { cwd?: string } = {}) {
  const result = runInit(env, options);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result;
}

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name));
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const certificate = (dir: string, name: string) => new X509Certificate(read(dir, name));

/** Content hash, mode and timestamps of the directory and everything in it. */
function snapshot(dir: string) {
  const entries: Record<string, { sha256: string | null; mode: number; mtimeNs: bigint; ctimeNs: bigint }> = {};
  for (const name of ['.', ...fs.readdirSync(dir)]) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { bigint: true });
    entries[name] = {
      sha256: stat.isFile() ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null,
      mode: Number(stat.mode & 0o777n),
      mtimeNs: stat.mtimeNs,
      ctimeNs: stat.ctimeNs,
    };
  }
  return entries;
}

function openssl(args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `openssl verify` of a certificate against the install's ca.crt: its whole verdict, success or not. */
function verifyUnderCa(privateDir: string, crt: string): string {
  const result = spawnSync('openssl', ['verify', '-CAfile', path.join(privateDir, 'ca.crt'), crt], {
    encoding: 'utf8',
  });
  return `${result.stdout}${result.stderr}`;
}

/**
 * A server certificate for `subjectAltName` signed with the install's ca.key, as a thief holding
 * it would (for a new key, unless one is given).
 */
function signWithCaKey(privateDir: string, subjectAltName: string, key?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-leaf-'));
  roots.push(dir);
  const file = (name: string) => path.join(dir, name);
  const ext = `[v]\nbasicConstraints = critical, CA:FALSE\nextendedKeyUsage = serverAuth\nsubjectAltName = ${subjectAltName}\n`;
  fs.writeFileSync(file('ext.cnf'), ext);
  if (!key) openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', (key = file('leaf.key'))]);
  openssl(['req', '-new', '-key', key, '-subj', '/CN=leaf', '-out', file('leaf.csr')]);
  const ca = ['-CA', path.join(privateDir, 'ca.crt'), '-CAkey', path.join(privateDir, 'ca.key')];
  const sign = ['x509', '-req', '-days', '30', '-set_serial', '7', '-extensions', 'v'];
  openssl([...sign, ...ca, '-in', file('leaf.csr'), '-extfile', file('ext.cnf'), '-out', file('leaf.crt')]);
  return file('leaf.crt');
}

/** Turns the install's CA into one an older init made: the same key, no name constraints, tls.crt under it. */
function makeCaUnconstrained(privateDir: string): void {
  const file = (name: string) => path.join(privateDir, name);
  const extensions = ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign'];
  const subject = `/CN=Keepsake local CA (${os.hostname().toLowerCase()})`;
  const request = ['req', '-x509', '-new', '-sha256', '-days', '3650', '-key', file('ca.key'), '-subj', subject];
  openssl([...request, ...extensions.flatMap((ext) => ['-addext', ext]), '-out', file('ca.crt')]);
  fs.chmodSync(file('ca.crt'), 0o644);
  const sans = read(privateDir, 'tls.sans').toString().trim().split('\n').join(',');
  fs.copyFileSync(signWithCaKey(privateDir, sans, file('tls.key')), file('tls.crt'));
  fs.writeFileSync(
    file('tls-chain.crt'),
    read(privateDir, 'tls.crt').toString() + read(privateDir, 'ca.crt').toString(),
  );
  expect(verifyUnderCa(privateDir, signWithCaKey(privateDir, 'DNS:bank.example'))).toMatch(/: OK/);
}

describe('scripts/init', () => {
  it('creates every secret and certificate with owner-only modes, printing names but never values', () => {
    const { privateDir, env } = install();
    const { stdout } = initOk(env);

    expect(fs.readdirSync(privateDir).sort()).toEqual(everyFile);
    expect(modeOf(privateDir)).toBe(0o700);
    for (const name of [...secretFiles, 'tls.sans']) expect(modeOf(path.join(privateDir, name)), name).toBe(0o600);
    for (const name of certificateFiles) expect(modeOf(path.join(privateDir, name)), name).toBe(0o644);

    const masterKey = read(privateDir, 'master.key').toString('utf8');
    expect(masterKey).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(Buffer.from(masterKey.trim(), 'base64')).toHaveLength(32);

    const secrets = ['jwt.secret', 'url-signing.secret'].map((name) => read(privateDir, name).toString('utf8'));
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{64}\n$/);
    expect(secrets[0]).not.toBe(secrets[1]);

    for (const name of everyFile.filter((name) => name !== 'tls.sans' && name !== 'tls-chain.crt')) {
      expect(stdout).toContain(`created ${name}`);
    }
    for (const value of [masterKey, ...secrets]) expect(stdout).not.toContain(value.trim());
    for (const key of ['ca.key', 'tls.key']) expect(stdout).not.toContain(read(privateDir, key).toString('utf8'));

    const fingerprint = certificate(privateDir, 'ca.crt').fingerprint256;
    expect(stdout).toContain(`CA fingerprint (SHA-256): ${fingerprint}`);
    expect(stdout).toContain(`install ${path.join(privateDir, 'ca.crt')}`);
  });

  it('makes a local CA and a server certificate it signs, for every wanted name', () => {
    const { privateDir, env } = install({
      PUBLIC_BASE_URL: 'https://photos.example.lan:1027/gallery',
      EXTRA_SANS: 'keepsake.lan, 192.168.1.20,fd00::5',
    });
    initOk(env);

    const ca = certificate(privateDir, 'ca.crt');
    expect(ca.ca).toBe(true);
    expect(ca.subject).toBe(
      `CN=Keepsake local CA (${os.hostname().toLowerCase()}) ${new Date().toISOString().slice(0, 10)}`,
    );
    const caUsage = openssl(['x509', '-in', path.join(privateDir, 'ca.crt'), '-noout', '-ext', 'keyUsage']);
    expect(caUsage).toMatch(/Certificate Sign, CRL Sign/);
    const caYears = (Date.parse(ca.validTo) - Date.parse(ca.validFrom)) / (365 * 86_400_000);
    expect(caYears).toBeGreaterThanOrEqual(9.9);

    const tlsCrt = path.join(privateDir, 'tls.crt');
    expect(openssl(['verify', '-CAfile', path.join(privateDir, 'ca.crt'), '-purpose', 'sslserver', tlsCrt])).toMatch(
      /: OK/,
    );
    const server = certificate(privateDir, 'tls.crt');
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.keyUsage).toContain(serverAuth);
    expect(server.publicKey.asymmetricKeyType).toBe('ec');
    expect(Date.parse(server.validTo) - Date.parse(server.validFrom)).toBeLessThanOrEqual(825 * 86_400_000);

    for (const host of [
      'localhost',
      os.hostname(),
      `${os.hostname().split('.')[0]}.local`,
      'photos.example.lan',
      'keepsake.lan',
    ]) {
      expect(server.checkHost(host, { subject: 'never' }), host).toBe(host);
    }
    for (const ip of ['127.0.0.1', '::1', '192.168.1.20', 'fd00::5']) expect(server.checkIP(ip), ip).toBe(ip);
    expect(server.checkHost('other.lan', { subject: 'never' })).toBeUndefined();

    expect(read(privateDir, 'tls-chain.crt').toString()).toBe(
      read(privateDir, 'tls.crt').toString() + read(privateDir, 'ca.crt').toString(),
    );
    const sans = read(privateDir, 'tls.sans').toString().trim().split('\n');
    expect(sans).toEqual(expect.arrayContaining(['DNS:localhost', 'IP:127.0.0.1', 'IP:::1', 'DNS:photos.example.lan']));
  });

  it('limits the CA with critical name constraints to the install’s names and local addresses', () => {
    const { privateDir, env } = install({
      PUBLIC_BASE_URL: 'https://photos.example.com:1027',
      EXTRA_SANS: 'mini.fritz.box,192.168.1.20',
      ALLOWED_NETWORKS: '127.0.0.1/32,::1/128,192.168.1.0/24,10.8.0.7/24,2001:db8:5:6::/64',
      VPN_SUBNET: '10.9.0.0/24',
    });
    initOk(env);

    const text = openssl(['x509', '-in', path.join(privateDir, 'ca.crt'), '-noout', '-text']);
    const constraints = /X509v3 Name Constraints: critical\n\s+Permitted:\n((?:\s+(?:DNS|IP):.*\n)+)/.exec(text);
    expect(constraints, text).not.toBeNull();
    const permitted = constraints![1]!.trim().split(/\s*\n\s*/);
    expect(permitted).toEqual(
      expect.arrayContaining([
        'DNS:localhost',
        'DNS:local',
        'DNS:lan',
        'DNS:home.arpa',
        'DNS:internal',
        'DNS:photos.example.com',
        'DNS:mini.fritz.box',
        `DNS:${os.hostname().toLowerCase()}`,
        'IP:127.0.0.0/255.0.0.0',
        'IP:0:0:0:0:0:0:0:1/FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF',
        'IP:192.168.0.0/255.255.0.0',
        'IP:10.8.0.0/255.255.255.0',
        'IP:10.9.0.0/255.255.255.0',
        'IP:2001:DB8:5:6:0:0:0:0/FFFF:FFFF:FFFF:FFFF:0:0:0:0',
        'IP:FC00:0:0:0:0:0:0:0/FE00:0:0:0:0:0:0:0',
      ]),
    );
    expect(permitted.filter((entry) => entry.startsWith('DNS:'))).not.toContain('DNS:example.com');

    // The install's own certificate passes OpenSSL's constraint check…
    expect(verifyUnderCa(privateDir, path.join(privateDir, 'tls.crt'))).toMatch(/tls\.crt: OK/);
    // …and so do other household names, but nothing a public website could be.
    for (const allowed of [
      'DNS:printer.lan',
      'DNS:nas.home.arpa',
      'DNS:mini.local',
      'IP:192.168.7.7',
      'IP:2001:db8:5:6::9',
    ]) {
      expect(verifyUnderCa(privateDir, signWithCaKey(privateDir, allowed)), allowed).toMatch(/leaf\.crt: OK/);
    }
    for (const refused of [
      'DNS:bank.example',
      'DNS:www.google.com',
      'DNS:evillan',
      'DNS:example.com',
      'DNS:fritz.box',
      'DNS:photos.example.com.evil.net',
      'DNS:localhost,DNS:bank.example',
      'IP:8.8.8.8',
      'IP:2001:db8:5:7::1',
    ]) {
      expect(verifyUnderCa(privateDir, signWithCaKey(privateDir, refused)), refused).toMatch(
        /permitted subtree violation/,
      );
    }
  });

  it('replaces a CA without name constraints once, with a new key, keeping every other key and secret', () => {
    const { privateDir, env } = install({
      EXTRA_SANS: 'keepsake.lan',
      KEEPSAKE_INIT_SERVICE_SECRETS: 'true',
    });
    initOk(env);
    makeCaUnconstrained(privateDir);
    const before = snapshot(privateDir);
    const oldCa = read(privateDir, 'ca.crt').toString();

    const { stdout } = initOk(env);
    expect(stdout.match(/made a new local CA/g)).toHaveLength(1);
    expect(stdout).toMatch(/because ca\.crt has no name constraints/);
    expect(stdout).toMatch(/Install the new ca\.crt once on each phone and computer/);
    expect(stdout).toMatch(/reissued tls\.crt, tls-chain\.crt from the new CA/);
    const after = snapshot(privateDir);
    const kept = ['master.key', 'jwt.secret', 'url-signing.secret', 'tls.key', 'tls.sans'];
    for (const name of [...kept, 'postgres.password', 'redis.password', 'database.url', 'redis.url']) {
      expect(after[name]?.sha256, name).toBe(before[name]?.sha256);
    }
    for (const name of ['ca.key', 'ca.crt', 'tls.crt', 'tls-chain.crt']) {
      expect(after[name]?.sha256, name).not.toBe(before[name]?.sha256);
    }
    expect(modeOf(path.join(privateDir, 'ca.key'))).toBe(0o600);
    expect(openssl(['x509', '-in', path.join(privateDir, 'ca.crt'), '-noout', '-text'])).toMatch(
      /X509v3 Name Constraints: critical/,
    );
    expect(verifyUnderCa(privateDir, path.join(privateDir, 'tls.crt'))).toMatch(/: OK/);
    expect(verifyUnderCa(privateDir, signWithCaKey(privateDir, 'DNS:bank.example'))).toMatch(
      /permitted subtree violation/,
    );
    expect(read(privateDir, 'tls-chain.crt').toString()).toBe(
      read(privateDir, 'tls.crt').toString() + read(privateDir, 'ca.crt').toString(),
    );
    expect(read(privateDir, 'tls-chain.crt').toString()).not.toContain(oldCa);

    // Said once: the next run has nothing to do.
    const settled = snapshot(privateDir);
    const again = initOk(env).stdout;
    expect(again).toMatch(/nothing to do/);
    expect(again).not.toMatch(/new local CA/);
    expect(snapshot(privateDir)).toEqual(settled);
  });

  it('makes a new CA when a wanted name lies outside its name constraints, and only then', () => {
    const { privateDir, env } = install({ EXTRA_SANS: 'keepsake.lan' });
    initOk(env);
    const first = snapshot(privateDir);

    // Inside the constraints (a .lan name, a private address): the same CA.
    const inside = initOk({ ...env, EXTRA_SANS: 'keepsake.lan,mini.lan,192.168.1.20' }).stdout;
    expect(inside).not.toMatch(/new local CA/);
    expect(snapshot(privateDir)['ca.crt']).toEqual(first['ca.crt']);

    const outside = initOk({ ...env, EXTRA_SANS: 'keepsake.lan,photos.example.com' }).stdout;
    expect(outside).toMatch(/made a new local CA .*names changed \(added: DNS:photos\.example\.com/);
    expect(snapshot(privateDir)['ca.key']?.sha256).not.toBe(first['ca.key']?.sha256);
    const server = certificate(privateDir, 'tls.crt');
    expect(server.checkHost('photos.example.com', { subject: 'never' })).toBe('photos.example.com');
    expect(verifyUnderCa(privateDir, path.join(privateDir, 'tls.crt'))).toMatch(/: OK/);
    expect(snapshot(privateDir)['master.key']).toEqual(first['master.key']);
  });

  it('finishes a CA replacement that stopped between the new ca.crt and the new ca.key', () => {
    const { privateDir, env } = install();
    initOk(env);
    const next = path.join(privateDir, '.ca.key.next');
    // The state a run killed midway leaves: ca.crt already made (same constraints) for the waiting key.
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', next]);
    const caCrt = path.join(privateDir, 'ca.crt');
    openssl(['x509', '-in', caCrt, '-signkey', next, '-days', '3650', '-out', caCrt]);
    const waiting = read(privateDir, '.ca.key.next');

    const { stdout } = initOk(env);
    expect(stdout).toMatch(/finished replacing the local CA/);
    expect(read(privateDir, 'ca.key')).toEqual(waiting);
    expect(fs.existsSync(next)).toBe(false);
    expect(verifyUnderCa(privateDir, path.join(privateDir, 'tls.crt'))).toMatch(/: OK/);

    // A waiting key that ca.crt does not belong to (stopped before ca.crt) is dropped.
    const settled = read(privateDir, 'ca.key');
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', next]);
    initOk(env);
    expect(fs.existsSync(next)).toBe(false);
    expect(read(privateDir, 'ca.key')).toEqual(settled);
  });

  it('takes an IPv6 PUBLIC_BASE_URL host as an IP address', () => {
    const { privateDir, env } = install({ PUBLIC_BASE_URL: 'https://[fd00::1]:1027' });
    initOk(env);
    expect(certificate(privateDir, 'tls.crt').checkIP('fd00::1')).toBe('fd00::1');
  });

  it('changes no file on a second run with the same inputs', () => {
    const { privateDir, env } = install({ EXTRA_SANS: 'keepsake.lan,192.168.1.20' });
    initOk(env);
    const before = snapshot(privateDir);

    const { stdout } = initOk(env);
    expect(snapshot(privateDir)).toEqual(before);
    expect(stdout).toMatch(/nothing to do/);
    expect(stdout).not.toMatch(/created|reissued|tightened/);
  });

  it('reissues only the server certificate when the wanted names change, keeping keys, secrets and the CA', () => {
    const { privateDir, env } = install({ EXTRA_SANS: 'keepsake.lan' });
    initOk(env);
    const before = snapshot(privateDir);

    const { stdout } = initOk({ ...env, EXTRA_SANS: 'keepsake.lan,10.8.0.1,mini.lan' });
    expect(stdout).toMatch(/reissued tls\.crt.*names changed.*added: DNS:mini\.lan IP:10\.8\.0\.1/);
    const after = snapshot(privateDir);
    for (const name of [...secretFiles, 'ca.crt']) expect(after[name], name).toEqual(before[name]);
    for (const name of tlsFiles) expect(after[name]?.sha256, name).not.toBe(before[name]?.sha256);

    const server = certificate(privateDir, 'tls.crt');
    expect(server.checkIssued(certificate(privateDir, 'ca.crt'))).toBe(true);
    expect(server.checkIP('10.8.0.1')).toBe('10.8.0.1');
    expect(server.checkHost('mini.lan', { subject: 'never' })).toBe('mini.lan');
    expect(openssl(['verify', '-CAfile', path.join(privateDir, 'ca.crt'), path.join(privateDir, 'tls.crt')])).toMatch(
      /: OK/,
    );

    // And settled again: the next run with these names does nothing.
    const settled = snapshot(privateDir);
    expect(initOk({ ...env, EXTRA_SANS: 'keepsake.lan,10.8.0.1,mini.lan' }).stdout).toMatch(/nothing to do/);
    expect(snapshot(privateDir)).toEqual(settled);
  });

  it('remakes a missing chain file from the same key and CA', () => {
    const { privateDir, env } = install();
    initOk(env);
    const before = snapshot(privateDir);
    fs.rmSync(path.join(privateDir, 'tls-chain.crt'));

    expect(initOk(env).stdout).toMatch(/reissued tls\.crt.*tls-chain\.crt is missing/);
    const after = snapshot(privateDir);
    for (const name of [...secretFiles, 'ca.crt']) expect(after[name]?.sha256, name).toBe(before[name]?.sha256);
    expect(read(privateDir, 'tls-chain.crt').toString()).toBe(
      read(privateDir, 'tls.crt').toString() + read(privateDir, 'ca.crt').toString(),
    );
  });

  it('lets several inits started at once (containers sharing the volume) make one set of files', async () => {
    const { privateDir, env } = install();
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() =>
        promisify(execFile)(initScript, [], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } }),
      ),
    );
    const output = runs.map((run) => run.stdout).join('');
    for (const name of ['master.key', 'jwt.secret', 'ca.key', 'ca.crt', 'tls.key', 'tls.crt']) {
      const created = output.split('\n').filter((line) => line.startsWith(`init: created ${name}`));
      expect(created, name).toHaveLength(1);
    }
    const settled = snapshot(privateDir);
    expect(initOk(env).stdout).toMatch(/nothing to do/);
    expect(snapshot(privateDir)).toEqual(settled);
  });

  it('never overwrites an existing secret, and tightens one that others can read', () => {
    const { privateDir, env } = install();
    fs.mkdirSync(privateDir, { mode: 0o755 });
    fs.chmodSync(privateDir, 0o755);
    const mine = `${'m'.repeat(64)}\n`;
    fs.writeFileSync(path.join(privateDir, 'jwt.secret'), mine, { mode: 0o644 });
    fs.chmodSync(path.join(privateDir, 'jwt.secret'), 0o644);

    const { stdout } = initOk(env);
    expect(read(privateDir, 'jwt.secret').toString()).toBe(mine);
    expect(modeOf(path.join(privateDir, 'jwt.secret'))).toBe(0o600);
    expect(modeOf(privateDir)).toBe(0o700);
    expect(stdout).toMatch(/tightened .*private to mode 0700/);
    expect(stdout).toMatch(/tightened jwt\.secret/);
    expect(stdout).not.toMatch(/created jwt\.secret/);
    expect(stdout).toMatch(/created url-signing\.secret/);
  });

  it('refuses a new master key when ASSETS_DIR already holds encrypted data, creating nothing', () => {
    const { privateDir, assetsDir, env } = install();
    const sealed = path.join(assetsDir, 'images', '0f1e2d3c', 'g1', 'image.webp.sealed');
    fs.mkdirSync(path.dirname(sealed), { recursive: true });
    fs.writeFileSync(sealed, 'sealed bytes');

    const result = runInit(env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/master\.key is missing, but .* already holds encrypted data/);
    expect(result.stderr).toMatch(/must be restored from backup/);
    expect(result.stderr).toMatch(/KEEPSAKE_INIT_FORCE_NEW_MASTER_KEY=1/);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(privateDir)).toBe(false);
  });

  it('makes a master key over existing data only when forced, and warns', () => {
    const { privateDir, assetsDir, env } = install();
    fs.mkdirSync(path.join(assetsDir, 'videos'));
    fs.writeFileSync(path.join(assetsDir, 'videos', 'seg_00000.ts'), 'x');

    const result = runInit({ ...env, KEEPSAKE_INIT_FORCE_NEW_MASTER_KEY: '1' });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: .*making a NEW master key.*stays unreadable/);
    expect(fs.existsSync(path.join(privateDir, 'master.key'))).toBe(true);
  });

  it('counts only real files as data: .gitkeep and README.md do not block the first run', () => {
    const { privateDir, assetsDir, env } = install();
    fs.writeFileSync(path.join(assetsDir, 'README.md'), '# assets\n');
    fs.mkdirSync(path.join(assetsDir, 'images'));
    initOk(env);
    expect(fs.existsSync(path.join(privateDir, 'master.key'))).toBe(true);
  });

  it('runs normally over existing data when the master key is there', () => {
    const { privateDir, assetsDir, env } = install();
    initOk(env);
    fs.mkdirSync(path.join(assetsDir, 'originals'));
    fs.writeFileSync(path.join(assetsDir, 'originals', 'original.sealed'), 'x');
    expect(initOk(env).stdout).toMatch(/nothing to do/);
    expect(fs.readdirSync(privateDir).sort()).toEqual(everyFile);
  });

  it('uses ./private, ./assets and https://localhost:1027 from the working directory by default', () => {
    const root = install().root;
    const { stdout } = initOk({}, { cwd: root });
    expect(stdout).toContain(`created ${path.join(root, 'private')}`);
    expect(fs.readdirSync(path.join(root, 'private')).sort()).toEqual(everyFile);
    expect(certificate(path.join(root, 'private'), 'tls.crt').checkHost('localhost', { subject: 'never' })).toBe(
      'localhost',
    );
  });

  it.each([
    ['EXTRA_SANS', 'keepsake.lan,not a name!', /EXTRA_SANS: "not a name!" is neither a host name nor an IP address/],
    ['EXTRA_SANS', '192.168.1.300', /EXTRA_SANS: "192\.168\.1\.300"/],
    ['EXTRA_SANS', 'fd00::zz', /EXTRA_SANS: "fd00::zz"/],
    ['PUBLIC_BASE_URL', 'keepsake.lan:1027', /PUBLIC_BASE_URL: .* is not an http\(s\) URL/],
    [
      'ALLOWED_NETWORKS',
      '192.168.1.0/24,10.8.0.0/33',
      /ALLOWED_NETWORKS: "10\.8\.0\.0\/33" is not an IP address or CIDR/,
    ],
    ['VPN_SUBNET', 'vpn.lan', /VPN_SUBNET: "vpn\.lan" is not an IP address or CIDR/],
  ])('refuses a bad %s (%s) with a message naming it, creating nothing', (name, value, message) => {
    const { privateDir, env } = install();
    const result = runInit({ ...env, [name]: value });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(fs.existsSync(privateDir)).toBe(false);
  });

  it('explains itself with --help and rejects unknown arguments', () => {
    const help = runInit({}, { args: ['--help'] });
    expect(help.status).toBe(0);
    for (const word of [
      'PRIVATE_DIR',
      'ASSETS_DIR',
      'PUBLIC_BASE_URL',
      'EXTRA_SANS',
      'KEEPSAKE_INIT_FORCE_NEW_MASTER_KEY',
      'ALLOWED_NETWORKS',
      'VPN_SUBNET',
    ]) {
      expect(help.stdout).toContain(word);
    }

    const wrong = runInit({}, { args: ['--frobnicate'] });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/unknown argument "--frobnicate"/);
  });
});

describe('scripts/init for docker compose', () => {
  it('makes the bundled services passwords and connection URLs, readable only where they must be, once', () => {
    const it = install({
      KEEPSAKE_INIT_SERVICE_SECRETS: 'true',
      KEEPSAKE_INIT_OWNER: `${process.getuid!()}:${process.getgid!()}`,
    });
    initOk(it.env);
    const postgresPassword = read(it.privateDir, 'postgres.password').toString().trim();
    const redisPassword = read(it.privateDir, 'redis.password').toString().trim();
    expect(postgresPassword).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(read(it.privateDir, 'database.url').toString()).toBe(
      `postgres://keepsake:${postgresPassword}@postgres:5432/keepsake\n`,
    );
    expect(read(it.privateDir, 'redis.url').toString()).toBe(`redis://:${redisPassword}@redis:6379\n`);
    // PostgreSQL and Redis run as their own users and are handed just these two files.
    expect(modeOf(path.join(it.privateDir, 'postgres.password'))).toBe(0o644);
    expect(modeOf(path.join(it.privateDir, 'redis.password'))).toBe(0o644);
    expect(modeOf(path.join(it.privateDir, 'database.url'))).toBe(0o600);
    expect(modeOf(it.privateDir)).toBe(0o700);

    const before = snapshot(it.privateDir);
    expect(initOk(it.env).stdout).toContain('nothing to do');
    expect(snapshot(it.privateDir)).toEqual(before);
  });

  it.runIf(process.getuid?.() === 0)(
    'hands the folders the services write to their user when root made them, and no one else’s',
    () => {
      const it = install({ KEEPSAKE_INIT_SERVICE_SECRETS: 'true', KEEPSAKE_INIT_OWNER: '1000:1000' });
      const imports = path.join(it.root, 'imports');
      const someoneElses = path.join(it.root, 'backups');
      fs.mkdirSync(imports);
      fs.writeFileSync(path.join(imports, 'photo.jpg'), '');
      fs.mkdirSync(someoneElses);
      fs.chownSync(someoneElses, 1234, 1234);
      const result = runInit({ ...it.env, KEEPSAKE_INIT_SERVICE_DIRS: `${it.assetsDir} ${imports} ${someoneElses}` });
      expect(result.status, result.stderr).toBe(0);
      for (const folder of [it.assetsDir, imports]) expect(fs.statSync(folder).uid, folder).toBe(1000);
      // The folder itself only: what a person put in it stays theirs.
      expect(fs.statSync(path.join(imports, 'photo.jpg')).uid).toBe(0);
      expect(fs.statSync(someoneElses).uid).toBe(1234);
      expect(result.stderr).toContain(`${someoneElses} belongs to uid 1234, but the services write it as uid 1000`);
    },
  );
});
