import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '@keepsake/platform';
import { findNginx, repoRoot } from '@keepsake/launcher';

const run = promisify(execFile);

interface Case {
  name: string;
  /** null: ALLOWED_NETWORKS unset. */
  value: string | null;
  /** The normalised list every reader must arrive at… */
  networks?: string;
  /** …or the message every reader must refuse it with (after "ALLOWED_NETWORKS: "). */
  refused?: string;
}

const cases = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'allowedNetworks.cases.json'), 'utf8'),
) as Case[];

/** What one reader made of a value: the networks as a comma-separated list, or its message. */
type Reading = { networks: string } | { refused: string };
const expected = (c: Case): Reading => (c.networks !== undefined ? { networks: c.networks } : { refused: c.refused! });

function environment(value: string | null, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.ALLOWED_NETWORKS;
  if (value !== null) env.ALLOWED_NETWORKS = value;
  return env;
}

/** A script's answer: stdout on success, else its one-line message without the variable's name. */
async function runScript(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string } | Reading> {
  try {
    const { stdout } = await run(file, args, { env });
    return { stdout };
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    return { refused: stderr.replace(/^ALLOWED_NETWORKS: /, '') };
  }
}

describe('ALLOWED_NETWORKS: one grammar for the server, nginx/render and the pf script', () => {
  let root: string;
  let renderEnv: NodeJS.ProcessEnv;
  let firewall: string;
  let renders = 0;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keepsake-networks-'));
    const web = path.join(root, 'web');
    fs.mkdirSync(web);
    fs.writeFileSync(
      path.join(web, 'index.html'),
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`,
    );
    renderEnv = { PRIVATE_DIR: path.join(root, 'private'), ASSETS_DIR: path.join(root, 'assets'), WEB_DIST_DIR: web };
    // The pf script reads ./.env when the variable is unset: a copy of the two scripts in a
    // tree of its own keeps a developer's .env out of this test.
    const tree = path.join(root, 'tree');
    for (const file of ['scripts/macos-firewall', 'nginx/allowed-networks']) {
      fs.mkdirSync(path.join(tree, path.dirname(file)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, file), path.join(tree, file));
    }
    firewall = path.join(tree, 'scripts/macos-firewall');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const readers: Record<string, (value: string | null) => Promise<Reading>> = {
    server: (value) => {
      const secrets = { JWT_SECRET: 'j'.repeat(40), URL_SIGNING_SECRET: 'u'.repeat(40) };
      try {
        const config = loadServerConfig({ ...secrets, ...(value === null ? {} : { ALLOWED_NETWORKS: value }) });
        return Promise.resolve({ networks: config.allowedNetworks.join(',') });
      } catch (error) {
        const message = /ALLOWED_NETWORKS: (.*)/.exec((error as Error).message)?.[1] ?? (error as Error).message;
        return Promise.resolve({ refused: message });
      }
    },
    'nginx/allowed-networks': async (value) => {
      const answer = await runScript(path.join(repoRoot, 'nginx/allowed-networks'), [], environment(value));
      return 'stdout' in answer ? { networks: answer.stdout.trim() } : answer;
    },
    'nginx/render': async (value) => {
      renders += 1;
      const out = path.join(root, `render-${renders}`);
      const answer = await runScript(path.join(repoRoot, 'nginx/render'), [out], environment(value, renderEnv));
      if (!('stdout' in answer)) return answer;
      const geo = fs.readFileSync(path.join(out, 'allowed_networks.conf'), 'utf8');
      const ranges = [...geo.matchAll(/^(\S+) 1;$/gm)].map((match) => match[1]);
      return { networks: ranges.join(',') };
    },
    'scripts/macos-firewall': async (value) => {
      const answer = await runScript(firewall, ['rules'], environment(value));
      if (!('stdout' in answer)) return answer;
      const table = /^table <keepsake_allowed> const \{ (.*) \}$/m.exec(answer.stdout)?.[1] ?? '';
      return { networks: table.replaceAll(', ', ',') };
    },
  };

  describe.each(Object.keys(readers))('%s', (reader) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      expect(await readers[reader]!(c.value)).toEqual(expected(c));
    });
  });

  it('the pf script reads .env when the variable is unset, and an empty value there is refused too', async () => {
    const tree = path.dirname(path.dirname(firewall));
    fs.writeFileSync(path.join(tree, '.env'), 'ALLOWED_NETWORKS="10.8.0.0/24, 192.168.1.0/24"\n');
    expect(await readers['scripts/macos-firewall']!(null)).toEqual({ networks: '10.8.0.0/24,192.168.1.0/24' });
    fs.writeFileSync(path.join(tree, '.env'), 'ALLOWED_NETWORKS=\n');
    expect(await readers['scripts/macos-firewall']!(null)).toEqual(expected(cases.find((c) => c.value === '')!));
    fs.rmSync(path.join(tree, '.env'));
  });

  it('gives nginx ranges it takes as written: no warning from nginx -t', async () => {
    const accepted = cases.flatMap((c) => (c.value === null || c.networks === undefined ? [] : [c.value]));
    const out = path.join(root, 'all-accepted');
    await run(path.join(repoRoot, 'nginx/render'), [out], { env: environment(accepted.join(','), renderEnv) });
    fs.mkdirSync(renderEnv.PRIVATE_DIR!, { recursive: true });
    await run(path.join(repoRoot, 'scripts/init'), [], { env: { ...process.env, ...renderEnv } });
    const { stderr } = await run(findNginx(), [
      '-p',
      out,
      '-e',
      path.join(out, 'logs/error.log'),
      '-c',
      `${out}/nginx.conf`,
      '-t',
    ]);
    expect(stderr).not.toMatch(/\[warn\]|low address bits|duplicate/);
    expect(stderr).toMatch(/test is successful/);
  });
});
